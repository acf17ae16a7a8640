module.exports = {
  displayName: 'iqmetrix-client:int',
  preset: '../../jest.int.preset.js',
  rootDir: __dirname,
};
