module.exports = { displayName: 'iqmetrix-sandbox', preset: '../../jest.preset.js', rootDir: __dirname };
