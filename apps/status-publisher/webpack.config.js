module.exports = require('../../tools/build/webpack.service.js')('status-publisher');
