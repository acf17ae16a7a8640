// Integration tests (*.int-spec.ts) talk to the real Kafka broker and Postgres; they run in band
// and get longer timeouts. tools/scripts/test.mjs makes sure the broker answers first.
const { join } = require('path');
const base = require('./jest.preset.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/**/*.int-spec.ts'],
  testTimeout: 60_000,
  // The tests' own read_committed consumers (output watchers, record collectors) need the same
  // kafkajs fix the services apply, or an aborted transaction's records look like duplicates.
  setupFiles: [join(__dirname, 'libs/platform/src/kafka/kafkajs-read-committed.jest-setup.ts')],
};
