module.exports = require('../../tools/build/webpack.service.js')('feed-ingestor');
