module.exports = {
  displayName: 'demo-warehouse',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
