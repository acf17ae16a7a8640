module.exports = {
  displayName: 'status-publisher',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
