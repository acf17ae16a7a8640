module.exports = {
  displayName: 'domain:int',
  preset: '../../jest.int.preset.js',
  rootDir: __dirname,
};
