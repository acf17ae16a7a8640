module.exports = {
  displayName: 'platform:int',
  preset: '../../jest.int.preset.js',
  rootDir: __dirname,
};
