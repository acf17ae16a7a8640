module.exports = {
  displayName: 'kafka-script:int',
  preset: '../../jest.int.preset.js',
  rootDir: __dirname,
};
