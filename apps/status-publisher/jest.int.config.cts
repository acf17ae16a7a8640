module.exports = {
  displayName: 'status-publisher:int',
  preset: '../../jest.int.preset.js',
  rootDir: __dirname,
};
