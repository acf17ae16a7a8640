module.exports = require('../../tools/build/webpack.service.js')('order-router');
