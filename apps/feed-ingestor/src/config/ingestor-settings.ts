import { ConfigError, type ConnectorConfig } from '@dropship/platform';

/**
 * The ingestor's tunables. The contract has one variable for them, FEED_POLL_INTERVAL_MS; the rest
 * follow from it (a fast poll in tests also means a fast takeover and short backoffs), so
 * operators have nothing more to get wrong.
 */
export interface IngestorSettings {
  supplierId: string;
  pollIntervalMs: number;
  /** How often a standby tries to take the leader lock: well within two poll intervals (issue 4). */
  leaderRetryMs: number;
  /** How often the leader checks that its lock session is alive. */
  heartbeatMs: number;
  /** Consecutive failed polls after which readiness turns false. */
  failuresBeforeUnready: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long published entry ids are remembered against feed duplicates. */
  publishedRetentionDays: number;
  pruneEveryMs: number;
  /** On shutdown, how long the page in flight may take to finish before it is abandoned. */
  shutdownPageGraceMs: number;
  /** Bytes of scanned feed pages kept between a walk's two passes. */
  pageCacheBytes: number;
}

/** DI token of the IngestorSettings (a plain object). */
export const INGESTOR_SETTINGS = Symbol('INGESTOR_SETTINGS');

export function ingestorSettings(config: ConnectorConfig, overrides: Partial<IngestorSettings> = {}): IngestorSettings {
  if (config.iqmetrix === undefined) throw new ConfigError('IQMETRIX_SUPPLIER_ID', 'is required');
  const interval = config.feedPollIntervalMs;
  return {
    supplierId: config.iqmetrix.supplierId,
    pollIntervalMs: interval,
    leaderRetryMs: clamp(Math.floor(interval / 4), 250, 5_000),
    heartbeatMs: clamp(Math.floor(interval / 2), 500, 5_000),
    failuresBeforeUnready: 3,
    backoffBaseMs: Math.min(1_000, interval),
    // A long outage is retried every few intervals at most, so recovery is noticed soon after.
    backoffMaxMs: clamp(interval * 4, 5_000, 5 * 60_000),
    publishedRetentionDays: 14,
    pruneEveryMs: 60 * 60_000,
    shutdownPageGraceMs: 10_000,
    // Enough for a 20,000-entry backlog (400 pages of ~100 KB) to be fetched once; a longer one
    // fetches the overflow twice, so memory stays bounded whatever the backlog.
    pageCacheBytes: 48 * 1024 * 1024,
    ...overrides,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
