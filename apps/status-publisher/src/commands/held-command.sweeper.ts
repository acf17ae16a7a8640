import { Logger } from '@nestjs/common';
import { ChangeNotifier } from '../database/change-notifier';
import { PublisherDb } from '../database/publisher-db';
import { PublisherMetrics } from '../maintenance/publisher-metrics';
import { OrderViewRepository } from '../orders/order-view.repository';
import { announce, CommandDecider, Tally } from './command-decider';
import { HeldCommandsRepository } from './held-commands.repository';
import { OrderStreamProgress } from './order-stream-progress';

const BATCH = 100;
const MAX_INTERVAL_MS = 1_000;

/**
 * Settles held commands nobody else settles: those whose wait ran out with the orders topic read
 * past its end (rejected as unknown order; see OrderStreamProgress) and those whose order arrived in a transaction that could not see them yet (decided now). Runs on
 * every replica; the row locks make each held command settle once.
 */
export class HeldCommandSweeper {
  private readonly logger = new Logger(HeldCommandSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private progressFailing = false;

  constructor(
    private readonly db: PublisherDb,
    private readonly deps: {
      held: HeldCommandsRepository;
      orders: OrderViewRepository;
      decider: CommandDecider;
      notifier: ChangeNotifier;
      progress: Pick<OrderStreamProgress, 'readUntil'>;
    },
    private readonly metrics: PublisherMetrics,
    private readonly waitMs: number,
  ) {}

  start(): void {
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Settles what can be settled now; returns how many commands were decided. */
  async sweepOnce(): Promise<number> {
    let decided = 0;
    const readUntil = await this.ordersReadUntil();
    for (const orderId of await this.deps.held.settleableOrders(this.db, BATCH, readUntil)) {
      const tally: Tally[] = [];
      await this.db.transaction(async (tx) => {
        tally.length = 0;
        const state = await this.deps.orders.lock(tx, orderId);
        if (state !== undefined) await this.deps.decider.settleHeld(tx, state, tally);
        else if (readUntil !== undefined) await this.deps.decider.rejectExpired(tx, orderId, { waitMs: this.waitMs, readUntil }, tally);
      });
      for (const { outcome, reason } of tally) this.metrics.commands.inc({ outcome, reason: reason ?? '' });
      announce(tally, this.deps.notifier);
      decided += tally.length;
    }
    return decided;
  }

  /**
   * Kafka unreachable: no wait counts as over (arrived orders still settle). Said once when it
   * starts and once when it ends, not on every round.
   */
  private async ordersReadUntil(): Promise<Date | undefined> {
    try {
      const readUntil = await this.deps.progress.readUntil();
      if (this.progressFailing) this.logger.log({ msg: 'orders topic progress readable again; held commands expire again' });
      this.progressFailing = false;
      return readUntil;
    } catch (error) {
      if (!this.progressFailing) this.logger.warn({ msg: 'cannot read the orders topic progress; held commands keep waiting', reason: String(error) });
      this.progressFailing = true;
      return undefined;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    const interval = Math.max(50, Math.min(MAX_INTERVAL_MS, Math.floor(this.waitMs / 4) || MAX_INTERVAL_MS));
    this.timer = setTimeout(() => {
      this.running = this.sweepOnce()
        .then((decided) => {
          if (decided > 0) this.logger.log({ msg: 'held status commands settled', count: decided });
        })
        .catch((error: unknown) => this.logger.warn({ msg: 'settling held commands failed', reason: String(error) }))
        .finally(() => this.schedule());
    }, interval);
  }
}
