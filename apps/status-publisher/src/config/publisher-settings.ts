import { ConfigError, ConnectorConfig, Env, readVariable } from '@dropship/platform';

/**
 * Settings only the status-publisher has (the contract's shared variables stay in ConnectorConfig).
 * Every one has a production default, so a deployment that sets only the contract's variables works.
 */
export interface PublisherSettings {
  /**
   * Prepended to every topic name and to the consumer group and transactional id. Empty in
   * production (the contract's names); tests and shared development brokers set it so that runs
   * never read each other's records.
   */
  topicPrefix: string;
  /** Delivered outbox rows, published results and ledger entries older than this are deleted. */
  retentionHours: number;
  /** PUTs in flight at once per replica (also the size of the HTTP connection pool). */
  relayConcurrency: number;
  relayBatchSize: number;
  /** Fallback when a NOTIFY is missed (listener reconnecting) and for retries coming due. */
  relayPollIntervalMs: number;
  /** How long a claimed row belongs to this replica; renewed while the PUT runs. */
  relayLeaseMs: number;
  /** Attempts that started but never finished (crashes) before a row is parked. */
  relayCrashLimit: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long a command for an order not (yet) received waits for it; 0 rejects at once. */
  commandOrderWaitMs: number;
  /** How soon the group notices a replica that died and gives its partitions to others. */
  kafkaSessionTimeoutMs: number;
}

export interface StatusPublisherConfig extends ConnectorConfig {
  publisher: PublisherSettings;
}

interface IntegerSpec {
  name: string;
  default: number;
  min: number;
  max: number;
}

function readInteger(env: Env, spec: IntegerSpec): number {
  const raw = readVariable(env, spec.name)?.trim();
  if (raw === undefined) return spec.default;
  const value = /^[0-9]{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= spec.min && value <= spec.max)) {
    throw new ConfigError(spec.name, `is malformed: expected a whole number from ${spec.min} to ${spec.max}`);
  }
  return value;
}

function readTopicPrefix(env: Env): string {
  const raw = readVariable(env, 'KAFKA_TOPIC_PREFIX')?.trim() ?? '';
  if (!/^[a-zA-Z0-9._-]{0,100}$/.test(raw)) {
    throw new ConfigError('KAFKA_TOPIC_PREFIX', 'is malformed: expected letters, digits, ".", "_" or "-"');
  }
  return raw;
}

const HOUR_LIMIT = 24 * 365 * 10;

/** Reads and validates the publisher's own variables; throws ConfigError naming the first bad one. */
export function loadPublisherSettings(env: Env): PublisherSettings {
  const int = (name: string, fallback: number, min: number, max: number): number =>
    readInteger(env, { name, default: fallback, min, max });
  const settings: PublisherSettings = {
    topicPrefix: readTopicPrefix(env),
    retentionHours: int('OUTBOX_RETENTION_HOURS', 168, 1, HOUR_LIMIT),
    relayConcurrency: int('RELAY_CONCURRENCY', 16, 1, 1024),
    relayBatchSize: int('RELAY_BATCH_SIZE', 64, 1, 10_000),
    relayPollIntervalMs: int('RELAY_POLL_INTERVAL_MS', 1_000, 10, 3_600_000),
    relayLeaseMs: int('RELAY_LEASE_MS', 30_000, 500, 3_600_000),
    relayCrashLimit: int('RELAY_CRASH_LIMIT', 3, 1, 1_000),
    backoffBaseMs: int('RELAY_BACKOFF_BASE_MS', 1_000, 1, 3_600_000),
    backoffMaxMs: int('RELAY_BACKOFF_MAX_MS', 300_000, 1, 86_400_000),
    commandOrderWaitMs: int('COMMAND_ORDER_WAIT_MS', 120_000, 0, 86_400_000),
    kafkaSessionTimeoutMs: int('KAFKA_SESSION_TIMEOUT_MS', 30_000, 6_000, 300_000),
  };
  if (settings.backoffMaxMs < settings.backoffBaseMs) {
    throw new ConfigError('RELAY_BACKOFF_MAX_MS', 'is malformed: expected at least RELAY_BACKOFF_BASE_MS');
  }
  return settings;
}
