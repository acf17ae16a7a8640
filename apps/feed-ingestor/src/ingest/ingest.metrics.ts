import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@dropship/platform';
import type { Counter, Gauge, Histogram } from 'prom-client';

/**
 * The poller's own metrics. Lag and checkpoint age are computed at scrape time from the last known
 * values, so they keep growing while nothing happens; both are absent on a standby.
 * - lag: now minus `updated` of the newest entry published (high when iQmetrix is quiet, or we are stuck);
 * - checkpoint age: now minus the last time a poll confirmed the checkpoint (high only when we are stuck).
 */
@Injectable()
export class IngestMetrics {
  readonly pollDuration: Histogram<'outcome'>;
  readonly duplicatesSkipped: Counter;
  readonly consecutiveFailures: Gauge;
  readonly lastError: Gauge<'code'>;
  readonly lastErrorTime: Gauge;
  readonly leader: Gauge;
  private newestUpdatedMs?: number;
  private confirmedAtMs?: number;

  constructor(metrics: MetricsRegistry) {
    this.pollDuration = metrics.histogram({
      name: 'dropship_feed_poll_duration_seconds',
      help: 'Duration of one feed poll (scan back, read and publish), by outcome',
      labelNames: ['outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    });
    this.duplicatesSkipped = metrics.counter({
      name: 'dropship_feed_duplicates_skipped_total',
      help: 'Feed entries not published because their entry id was already published (at-least-once feed)',
    });
    this.consecutiveFailures = metrics.gauge({ name: 'dropship_feed_consecutive_failures', help: 'Failed polls in a row (0 after a success)' });
    this.lastError = metrics.gauge({ name: 'dropship_feed_last_error_info', help: 'The code of the last poll failure (value 1)', labelNames: ['code'] });
    this.lastErrorTime = metrics.gauge({ name: 'dropship_feed_last_error_timestamp_seconds', help: 'When the last poll failure happened' });
    this.leader = metrics.gauge({ name: 'dropship_feed_leader', help: '1 while this replica holds the leader lock and polls' });
    const since = (read: () => number | undefined) =>
      function collect(this: Gauge): void {
        this.reset();
        const time = read();
        if (time !== undefined) this.set((Date.now() - time) / 1000);
      };
    metrics.gauge({
      name: 'dropship_feed_lag_seconds',
      help: 'Now minus the Atom updated time of the newest feed entry published',
      collect: since(() => this.newestUpdatedMs),
    });
    metrics.gauge({
      name: 'dropship_feed_checkpoint_age_seconds',
      help: 'Now minus the last time a poll wrote or confirmed the checkpoint',
      collect: since(() => this.confirmedAtMs),
    });
  }

  /** The checkpoint's entry time (`updated` as the feed wrote it), when readable. */
  checkpointAt(entryUpdated: string | null, confirmedAtMs = Date.now()): void {
    const time = entryUpdated === null ? Number.NaN : Date.parse(entryUpdated);
    if (!Number.isNaN(time)) this.newestUpdatedMs = time;
    this.confirmedAtMs = confirmedAtMs;
  }

  failed(code: string): void {
    this.lastError.reset();
    this.lastError.set({ code }, 1);
    this.lastErrorTime.set(Date.now() / 1000);
  }

  /** A standby has no checkpoint of its own to report. */
  standingBy(): void {
    this.leader.set(0);
    this.newestUpdatedMs = undefined;
    this.confirmedAtMs = undefined;
  }
}
