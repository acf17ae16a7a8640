import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { PublisherDb } from '../database/publisher-db';
import { AttemptOutcome, OutboxRepository } from '../outbox/outbox.repository';

interface Waiting {
  outcome: AttemptOutcome;
  settle: (held: boolean) => void;
}

const MAX_BATCH = 256;
/**
 * Recording must outlast a database outage (a failover takes tens of seconds): an outcome never
 * recorded means its PUT is sent again once its lease runs out, and the attempt counts as one that
 * died with its process. So a batch is tried again until it is recorded, or the recorder closes.
 * The statement is fenced by the rows' claimed_by: recording late never overrides another replica.
 */
export const RECORDING_RETRY_DELAYS_MS = [100, 500, 2_000, 5_000];

/**
 * Records attempt outcomes in batches: the outcomes that finish while one statement runs go
 * together in the next, so under load a statement (and a commit) serves many PUTs. Each caller
 * learns whether its row was still leased to this replica.
 */
export class OutcomeRecorder {
  private readonly logger = new Logger(OutcomeRecorder.name);
  private queue: Waiting[] = [];
  private flushing = false;
  private queuesAdvanced: (orderIds: string[]) => void = () => undefined;

  private readonly closing = new AbortController();

  /** `retryDelaysMs`: the waits between tries, the last one repeated. */
  constructor(
    private readonly db: PublisherDb,
    private readonly outbox: OutboxRepository,
    private readonly replicaId: string,
    private readonly retryDelaysMs: readonly number[] = RECORDING_RETRY_DELAYS_MS,
  ) {}

  /** Stops trying to record outcomes that keep failing (shutdown); those rows will be sent again. */
  close(): void {
    this.closing.abort();
  }

  /**
   * Called after each batch with the orders whose head this replica just finished (delivered,
   * failed or parked): their next rows may now be sent.
   */
  onQueuesAdvanced(listener: (orderIds: string[]) => void): void {
    this.queuesAdvanced = listener;
  }

  record(outcome: AttemptOutcome): Promise<boolean> {
    return new Promise((settle) => {
      this.queue.push({ outcome, settle });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        const held = await this.finish(batch.map((waiting) => waiting.outcome));
        for (const waiting of batch) waiting.settle(held.has(waiting.outcome.row.id));
        const advanced = batch.filter(({ outcome }) => outcome.kind !== 'retry' && held.has(outcome.row.id)).map(({ outcome }) => outcome.row.orderId);
        if (advanced.length > 0) this.queuesAdvanced(advanced);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async finish(outcomes: AttemptOutcome[]): Promise<Set<string>> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.outbox.finish(this.db, this.replicaId, outcomes);
      } catch (error) {
        if (this.closing.signal.aborted) {
          this.logger.error({ msg: 'could not record PUT outcomes before shutting down; those rows will be attempted again', rows: outcomes.length, error: String(error) });
          return new Set();
        }
        const delayMs = this.retryDelaysMs[Math.min(attempt, this.retryDelaysMs.length) - 1] ?? 0;
        this.logger.warn({ msg: 'recording PUT outcomes failed; trying again', rows: outcomes.length, attempt, delayMs, error: String(error) });
        await sleep(delayMs, undefined, { signal: this.closing.signal }).catch(() => undefined);
      }
    }
  }
}
