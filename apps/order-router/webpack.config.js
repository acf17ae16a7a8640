module.exports = require('../../tools/build/webpack.service.js')('order-router', {
  'order-reader.worker': 'src/orders/order-reader.worker.ts',
});
