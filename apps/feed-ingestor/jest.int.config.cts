module.exports = {
  displayName: 'feed-ingestor:int',
  preset: '../../jest.int.preset.js',
  rootDir: __dirname,
};
