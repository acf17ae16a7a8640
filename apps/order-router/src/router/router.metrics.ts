import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@dropship/platform';
import type { Counter, Gauge, Histogram } from 'prom-client';
import type { BatchTally } from './batch-plan';

/** The router's Prometheus metrics; counted after each batch's transaction committed. */
@Injectable()
export class RouterMetrics {
  private readonly received: Counter;
  private readonly duplicates: Counter<'kind'>;
  private readonly routed: Counter<'route'>;
  private readonly deadLetters: Counter<'error_code'>;
  private readonly statuses: Counter<'outcome'>;
  private readonly held: Counter;
  private readonly failures: Counter<'topic' | 'error_code'>;
  private readonly batchDuration: Histogram<'topic'>;
  private readonly lag: Gauge<'topic' | 'partition'>;

  constructor(metrics: MetricsRegistry) {
    this.received = metrics.counter({ name: 'dropship_router_orders_received_total', help: 'New orders published as dropship.order.received' });
    this.duplicates = metrics.counter({
      name: 'dropship_router_order_duplicates_total',
      help: 'order-created records of an order already received (kind: entry = the same entry again, order = another entry)',
      labelNames: ['kind'],
    });
    this.routed = metrics.counter({ name: 'dropship_router_routed_total', help: 'Copies published to route topics', labelNames: ['route'] });
    this.deadLetters = metrics.counter({
      name: 'dropship_router_dead_letters_total',
      help: 'Input records sent to dropship.orders.dlq.v1',
      labelNames: ['error_code'],
    });
    this.statuses = metrics.counter({
      name: 'dropship_router_status_reports_total',
      help: 'order-status-updated records by outcome (confirmed = published, unchanged, duplicate)',
      labelNames: ['outcome'],
    });
    this.held = metrics.counter({ name: 'dropship_router_status_holds_total', help: 'Status reports held back until their order was received' });
    this.failures = metrics.counter({
      name: 'dropship_router_batch_failures_total',
      help: 'Batches retried after a transient failure (Postgres or Kafka)',
      labelNames: ['topic', 'error_code'],
    });
    this.batchDuration = metrics.histogram({
      name: 'dropship_router_batch_duration_seconds',
      help: 'Time to process one batch: decode, ledger, transaction',
      labelNames: ['topic'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    });
    this.lag = metrics.gauge({ name: 'dropship_router_consumer_lag', help: 'Records not yet processed, per input partition', labelNames: ['topic', 'partition'] });
  }

  batchDone(topic: string, tally: BatchTally, seconds: number): void {
    this.received.inc(tally.received);
    this.duplicates.inc({ kind: 'entry' }, tally.duplicates.entry);
    this.duplicates.inc({ kind: 'order' }, tally.duplicates.order);
    for (const [route, count] of tally.routed) this.routed.inc({ route }, count);
    for (const [code, count] of tally.deadLetters) this.deadLetters.inc({ error_code: code }, count);
    this.statuses.inc({ outcome: 'confirmed' }, tally.confirmed);
    this.statuses.inc({ outcome: 'unchanged' }, tally.unchanged);
    this.statuses.inc({ outcome: 'duplicate' }, tally.repeatedReports);
    this.batchDuration.observe({ topic }, seconds);
  }

  statusHeld(): void {
    this.held.inc();
  }

  batchFailed(topic: string, errorCode: string): void {
    this.failures.inc({ topic, error_code: errorCode });
  }

  consumerLag(topic: string, partition: number, lag: bigint): void {
    this.lag.set({ topic, partition: String(partition) }, Number(lag < 0n ? 0n : lag));
  }
}
