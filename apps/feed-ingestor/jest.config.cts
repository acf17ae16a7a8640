module.exports = {
  displayName: 'feed-ingestor',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
