import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ConfigError } from './config.errors';
import { loadConfig } from './load-config';

const credentials = {
  IQMETRIX_CLIENT_ID: 'client',
  IQMETRIX_CLIENT_SECRET: 'client-secret-value',
  IQMETRIX_USERNAME: 'supplier@example.com',
  IQMETRIX_PASSWORD: 'password-value',
  IQMETRIX_SUPPLIER_ID: '60455',
};

function configError(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the contract defaults when only the credentials are given', () => {
    // Given the required credentials only / When loading / Then the defaults of the contract hold
    const config = loadConfig(credentials, 'feed-ingestor');
    expect(config.kafka).toEqual({ brokers: ['127.0.0.1:9092'], ssl: false });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/dropship');
    expect(config.topicPartitions).toBe(6);
    expect(config.feedPollIntervalMs).toBe(30000);
    expect(config.autoAcknowledge).toBe(true);
    expect(config.httpPort).toBe(3001);
    expect(config.logLevel).toBe('info');
    expect(config.iqmetrix).toEqual({
      authUrl: 'https://accountsdemo.iqmetrix.net',
      dropshipUrl: 'https://dropshipdemo.iqmetrix.net',
      clientId: 'client',
      clientSecret: 'client-secret-value',
      username: 'supplier@example.com',
      password: 'password-value',
      supplierId: '60455',
    });
  });

  it('gives each service its own default port', () => {
    expect(loadConfig({}, 'order-router').httpPort).toBe(3002);
    expect(loadConfig(credentials, 'status-publisher').httpPort).toBe(3003);
  });

  it('does not require iQmetrix credentials from the order-router, which never calls iQmetrix', () => {
    // Given no credentials / When the router loads its configuration / Then it has no iQmetrix part
    expect(loadConfig({}, 'order-router').iqmetrix).toBeUndefined();
  });

  it.each(['feed-ingestor', 'status-publisher'] as const)('names the missing credential for the %s', (service) => {
    // Given every credential but the password / When loading / Then the error names IQMETRIX_PASSWORD
    const env = { ...credentials, IQMETRIX_PASSWORD: undefined };
    const error = configError(() => loadConfig(env, service));
    expect(error.variable).toBe('IQMETRIX_PASSWORD');
    expect(error.message).toBe("IQMETRIX_PASSWORD is required (the API user's password)");
  });

  it.each([
    ['KAFKA_BROKERS', 'localhost'],
    ['KAFKA_BROKERS', 'a:1,,b:2'],
    ['TOPIC_PARTITIONS', '0'],
    ['TOPIC_PARTITIONS', 'six'],
    ['DATABASE_URL', 'mysql://x'],
    ['FEED_POLL_INTERVAL_MS', '-5'],
    ['AUTO_ACKNOWLEDGE', 'maybe'],
    ['HTTP_PORT', '70000'],
    ['HTTP_PORT', 'http'],
    ['LOG_LEVEL', 'loud'],
    ['IQMETRIX_AUTH_URL', 'ftp://accounts'],
    ['IQMETRIX_SUPPLIER_ID', '60455a'],
    ['KAFKA_SASL_MECHANISM', 'kerberos'],
  ])('rejects %s=%s with one line naming the variable', (variable, value) => {
    const error = configError(() => loadConfig({ ...credentials, [variable]: value }, 'feed-ingestor'));
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^${variable} is malformed: expected .+`));
    expect(error.message).not.toContain('\n');
  });

  it('never puts a secret value into the error message', () => {
    // Given a malformed database URL that embeds a password
    const env = { ...credentials, DATABASE_URL: 'mysql://user:hunter2@db/x' };
    // When loading / Then the message names the variable but not the value
    expect(configError(() => loadConfig(env, 'feed-ingestor')).message).not.toContain('hunter2');
  });

  it('reads a secret from NAME_FILE without its trailing newline', () => {
    // Given the client secret in a Docker-secrets style file
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    const file = join(dir, 'secret');
    writeFileSync(file, 'from-file\n');
    const env = { ...credentials, IQMETRIX_CLIENT_SECRET: undefined, IQMETRIX_CLIENT_SECRET_FILE: file };
    // When loading / Then the value is the file's content
    expect(loadConfig(env, 'status-publisher').iqmetrix?.clientSecret).toBe('from-file');
  });

  it('refuses a NAME_FILE that cannot be read, naming it', () => {
    const env = { ...credentials, IQMETRIX_PASSWORD: undefined, IQMETRIX_PASSWORD_FILE: '/nonexistent/secret' };
    const error = configError(() => loadConfig(env, 'feed-ingestor'));
    expect(error.variable).toBe('IQMETRIX_PASSWORD_FILE');
    expect(error.message).toBe('IQMETRIX_PASSWORD_FILE cannot be read (ENOENT)');
  });

  it('refuses a variable given both directly and as NAME_FILE', () => {
    const env = { ...credentials, IQMETRIX_PASSWORD_FILE: '/etc/hostname' };
    expect(configError(() => loadConfig(env, 'feed-ingestor')).variable).toBe('IQMETRIX_PASSWORD');
  });

  it('parses brokers, TLS and SASL settings', () => {
    // Given a secured broker list / When loading / Then kafka settings carry all of it
    const env = {
      KAFKA_BROKERS: 'kafka-1:9093, kafka-2:9093',
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'connector',
      KAFKA_SASL_PASSWORD: 'sasl-secret',
    };
    expect(loadConfig(env, 'order-router').kafka).toEqual({
      brokers: ['kafka-1:9093', 'kafka-2:9093'],
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'connector', password: 'sasl-secret' },
    });
  });

  it('requires the SASL user and password once a mechanism is set', () => {
    const error = configError(() => loadConfig({ KAFKA_SASL_MECHANISM: 'plain' }, 'order-router'));
    expect(error.variable).toBe('KAFKA_SASL_USERNAME');
  });

  it('strips trailing slashes from the iQmetrix base URLs', () => {
    const env = { ...credentials, IQMETRIX_DROPSHIP_URL: 'http://127.0.0.1:8080/' };
    expect(loadConfig(env, 'feed-ingestor').iqmetrix?.dropshipUrl).toBe('http://127.0.0.1:8080');
  });
});
