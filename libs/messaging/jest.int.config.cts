module.exports = {
  displayName: 'messaging:int',
  preset: '../../jest.int.preset.js',
  rootDir: __dirname,
};
