module.exports = {
  displayName: 'order-router:int',
  preset: '../../jest.int.preset.js',
  rootDir: __dirname,
};
