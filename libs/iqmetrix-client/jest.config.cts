module.exports = {
  displayName: 'iqmetrix-client',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
