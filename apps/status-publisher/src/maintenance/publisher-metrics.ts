import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsRegistry } from '@dropship/platform';

export type CommandOutcomeLabel = 'accepted' | 'rejected' | 'held' | 'duplicate' | 'unreadable';
export type PutOutcomeLabel = 'delivered' | 'failed' | 'retry' | 'parked';

/** Every metric of the publisher, registered once (names prefixed `dropship_status_`). */
export class PublisherMetrics {
  readonly commands: Counter<'outcome' | 'reason'>;
  readonly puts: Counter<'outcome'>;
  readonly putDuration: Histogram<'outcome'>;
  readonly retries: Counter<'reason'>;
  readonly outboxRows: Gauge<'state'>;
  readonly oldestDueAge: Gauge;
  readonly heldCommands: Gauge;
  readonly resultsPublished: Counter;
  readonly resultsUnpublished: Gauge;

  constructor(registry: MetricsRegistry) {
    this.commands = registry.counter({
      name: 'dropship_status_commands_total',
      help: 'Status commands by outcome, and for rejections by reason',
      labelNames: ['outcome', 'reason'],
    });
    this.puts = registry.counter({ name: 'dropship_status_puts_total', help: 'Status PUT attempts by outcome', labelNames: ['outcome'] });
    this.putDuration = registry.histogram({
      name: 'dropship_status_put_duration_seconds',
      help: 'Latency of status PUTs to iQmetrix by outcome',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
    this.retries = registry.counter({ name: 'dropship_status_put_retries_total', help: 'PUT retries scheduled, by reason', labelNames: ['reason'] });
    this.outboxRows = registry.gauge({ name: 'dropship_status_outbox_rows', help: 'Outbox rows by state (pending is the backlog)', labelNames: ['state'] });
    this.oldestDueAge = registry.gauge({ name: 'dropship_status_outbox_oldest_due_age_seconds', help: 'How long the oldest due pending row has waited' });
    this.heldCommands = registry.gauge({ name: 'dropship_status_held_commands', help: 'Commands waiting for their order to be received' });
    this.resultsPublished = registry.counter({ name: 'dropship_status_results_published_total', help: 'Result events published' });
    this.resultsUnpublished = registry.gauge({ name: 'dropship_status_results_unpublished', help: 'Result events waiting to be published' });
  }
}
