module.exports = {
  displayName: 'e2e:int',
  preset: '../../jest.int.preset.js',
  rootDir: __dirname,
};
