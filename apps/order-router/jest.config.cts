module.exports = {
  displayName: 'order-router',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
