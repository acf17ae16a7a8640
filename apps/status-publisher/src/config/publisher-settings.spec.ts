import { ConfigError } from '@dropship/platform';
import { loadPublisherSettings } from './publisher-settings';
import { readStatusPublisherConfig } from './status-publisher.config';

const CONTRACT_ENV = {
  IQMETRIX_CLIENT_ID: 'client',
  IQMETRIX_CLIENT_SECRET: 'secret',
  IQMETRIX_USERNAME: 'supplier@example.com',
  IQMETRIX_PASSWORD: 'password',
  IQMETRIX_SUPPLIER_ID: '60455',
};

function errorOf(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the publisher settings', () => {
  it('has production defaults, so only the contract variables need setting', () => {
    // Given only the contract's variables / When the configuration is read
    const config = readStatusPublisherConfig(CONTRACT_ENV);
    // Then the contract's topic names apply and the relay settings have their defaults
    expect(config.publisher).toEqual({
      topicPrefix: '',
      retentionHours: 168,
      relayConcurrency: 16,
      relayBatchSize: 64,
      relayPollIntervalMs: 1_000,
      relayLeaseMs: 30_000,
      relayCrashLimit: 3,
      backoffBaseMs: 1_000,
      backoffMaxMs: 300_000,
      commandOrderWaitMs: 120_000,
      kafkaSessionTimeoutMs: 30_000,
    });
    expect(config.autoAcknowledge).toBe(true);
  });

  it('reads every variable it documents', () => {
    // Given each setting changed / When read / Then each takes the value
    const settings = loadPublisherSettings({
      KAFKA_TOPIC_PREFIX: 'test-1.',
      OUTBOX_RETENTION_HOURS: '24',
      RELAY_CONCURRENCY: '4',
      RELAY_BATCH_SIZE: '10',
      RELAY_POLL_INTERVAL_MS: '250',
      RELAY_LEASE_MS: '5000',
      RELAY_CRASH_LIMIT: '2',
      RELAY_BACKOFF_BASE_MS: '50',
      RELAY_BACKOFF_MAX_MS: '500',
      COMMAND_ORDER_WAIT_MS: '0',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
    });
    expect(settings).toMatchObject({ topicPrefix: 'test-1.', retentionHours: 24, relayConcurrency: 4, commandOrderWaitMs: 0, kafkaSessionTimeoutMs: 6_000 });
  });

  it.each([
    ['OUTBOX_RETENTION_HOURS', '0', 'is malformed: expected a whole number from 1 to 87600'],
    ['RELAY_CONCURRENCY', 'many', 'is malformed: expected a whole number from 1 to 1024'],
    ['RELAY_LEASE_MS', '-5', 'is malformed: expected a whole number from 500 to 3600000'],
    ['KAFKA_TOPIC_PREFIX', 'a b', 'is malformed: expected letters, digits, ".", "_" or "-"'],
    ['RELAY_BACKOFF_MAX_MS', '10', 'is malformed: expected at least RELAY_BACKOFF_BASE_MS'],
  ])('refuses %s=%j with one line naming it', (name, value, reason) => {
    // Given a malformed value / When read / Then a ConfigError names the variable and what is expected
    const error = errorOf(() => loadPublisherSettings({ [name]: value }));
    expect(error.message).toBe(`${name} ${reason}`);
  });
});
