import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@dropship/platform';
import type { Counter } from 'prom-client';
import type { EntryRecord } from './entry-records';

/** Counters shared by the poller and replays: what went to Kafka, by kind, and pages fetched. */
@Injectable()
export class PublishingMetrics {
  readonly entriesPublished: Counter<'kind'>;
  readonly deadLetters: Counter<'reason'>;
  readonly replayed: Counter<'kind'>;
  readonly pagesFetched: Counter<'phase'>;

  constructor(metrics: MetricsRegistry) {
    this.entriesPublished = metrics.counter({
      name: 'dropship_feed_entries_published_total',
      help: 'Feed entries published to Kafka by the poller, by kind (order-created, order-status-updated)',
      labelNames: ['kind'],
    });
    this.deadLetters = metrics.counter({
      name: 'dropship_feed_dlq_records_total',
      help: 'Feed entries sent to dropship.orders.dlq.v1, by error code',
      labelNames: ['reason'],
    });
    this.replayed = metrics.counter({
      name: 'dropship_feed_replayed_records_total',
      help: 'Records re-published by replays, by kind',
      labelNames: ['kind'],
    });
    this.pagesFetched = metrics.counter({
      name: 'dropship_feed_pages_fetched_total',
      help: 'Feed pages fetched from iQmetrix, by walk phase (scan back, read forward)',
      labelNames: ['phase'],
    });
  }

  countPublished(records: readonly EntryRecord[]): void {
    for (const record of records) {
      if (record.kind === 'dead-letter') this.deadLetters.inc({ reason: record.reason ?? 'UNKNOWN' });
      else this.entriesPublished.inc({ kind: record.kind });
    }
  }
}
