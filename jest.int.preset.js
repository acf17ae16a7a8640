// Integration tests (*.int-spec.ts) talk to the real Kafka broker and Postgres; they run in band
// and get longer timeouts. tools/scripts/test.mjs makes sure the broker answers first.
const base = require('./jest.preset.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/**/*.int-spec.ts'],
  testTimeout: 60_000,
};
