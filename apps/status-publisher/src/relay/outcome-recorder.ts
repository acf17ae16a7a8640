import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { PublisherDb } from '../database/publisher-db';
import { AttemptOutcome, OutboxRepository } from '../outbox/outbox.repository';

interface Waiting {
  outcome: AttemptOutcome;
  settle: (held: boolean) => void;
}

const MAX_BATCH = 256;
// Recording must survive a database hiccup: an outcome never recorded means the PUT is sent again.
const RETRY_DELAYS_MS = [100, 500, 2_000];

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

  constructor(
    private readonly db: PublisherDb,
    private readonly outbox: OutboxRepository,
    private readonly replicaId: string,
  ) {}

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
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.outbox.finish(this.db, this.replicaId, outcomes);
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          this.logger.error({ msg: 'could not record PUT outcomes; those rows will be attempted again', rows: outcomes.length, error: String(error) });
          return new Set();
        }
        await sleep(delay);
      }
    }
  }
}
