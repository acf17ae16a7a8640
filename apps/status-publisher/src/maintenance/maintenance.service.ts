import { Logger } from '@nestjs/common';
import { PublisherDb } from '../database/publisher-db';
import { TABLES } from '../database/tables';
import { PublisherMetrics } from './publisher-metrics';
import { RetentionRepository } from './retention.repository';

export interface MaintenanceSettings {
  retentionHours: number;
  retentionIntervalMs: number;
  metricsIntervalMs: number;
}

const PURGE_BATCH = 1_000;
const PURGE_MAX_BATCHES = 20;

/** Periodic housekeeping: retention, and the outbox gauges (backlog, oldest due age, held, unpublished). */
export class MaintenanceService {
  private readonly logger = new Logger(MaintenanceService.name);
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly db: PublisherDb,
    private readonly retention: RetentionRepository,
    private readonly metrics: PublisherMetrics,
    private readonly settings: MaintenanceSettings,
  ) {}

  start(): void {
    this.every(this.settings.retentionIntervalMs, () => this.purgeOnce());
    this.every(this.settings.metricsIntervalMs, () => this.refreshGauges());
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
  }

  async purgeOnce(): Promise<void> {
    const cutoff = new Date(Date.now() - this.settings.retentionHours * 3_600_000);
    const report = await this.retention.purge(this.db, cutoff, { batchSize: PURGE_BATCH, maxBatches: PURGE_MAX_BATCHES });
    if (Object.values(report).some((count) => count > 0)) this.logger.log({ msg: 'old outbox history deleted', ...report });
  }

  async refreshGauges(): Promise<void> {
    const [byState, [due], [held], [unpublished]] = await Promise.all([
      this.db.query<{ state: string; count: number }>(
        `SELECT state, count(*)::int AS count FROM ${TABLES.outbox} WHERE state <> 'delivered' GROUP BY state`,
      ),
      // Heads only: a row queued behind its order's head cannot be sent, however long it has waited.
      this.db.query<{ age: number | null }>(
        `SELECT EXTRACT(EPOCH FROM now() - min(next_attempt_at))::float8 AS age FROM ${TABLES.outbox}
         WHERE state = 'pending' AND is_head AND next_attempt_at <= now()`,
      ),
      this.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${TABLES.held}`),
      this.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${TABLES.results} WHERE published_at IS NULL`),
    ]);
    for (const state of ['pending', 'failed', 'parked']) {
      this.metrics.outboxRows.set({ state }, byState.find((row) => row.state === state)?.count ?? 0);
    }
    this.metrics.oldestDueAge.set(Math.max(0, due?.age ?? 0));
    this.metrics.heldCommands.set(held?.count ?? 0);
    this.metrics.resultsUnpublished.set(unpublished?.count ?? 0);
  }

  private every(intervalMs: number, task: () => Promise<void>): void {
    const run = (): void => {
      task().catch((error: unknown) => this.logger.warn({ msg: 'maintenance task failed', reason: String(error) }));
    };
    run();
    const timer = setInterval(run, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }
}
