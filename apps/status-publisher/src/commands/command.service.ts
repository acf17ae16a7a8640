import { Logger } from '@nestjs/common';
import { StatusCommandData } from '@dropship/messaging';
import { ChangeNotifier } from '../database/change-notifier';
import { isDataError, sqlStateOf } from '../database/data-errors';
import { PublisherDb, Queryable } from '../database/publisher-db';
import { PublisherMetrics } from '../maintenance/publisher-metrics';
import { OrderViewRepository } from '../orders/order-view.repository';
import { announce, CommandDecider, PendingCommand, Rejection, Tally, unknownOrderReason } from './command-decider';
import { DecodedCommand } from './command-decoder';
import { CommandLedgerRepository, RepeatedCommandError } from './command-ledger.repository';
import { HeldCommandsRepository } from './held-commands.repository';

/** Where a record came from, for logs and the ledger. */
export interface RecordMeta {
  topic: string;
  partition: number;
  offset: string;
  traceparent: string | null;
}

export interface CommandServiceDeps {
  db: PublisherDb;
  notifier: ChangeNotifier;
  ledger: CommandLedgerRepository;
  orders: OrderViewRepository;
  held: HeldCommandsRepository;
  decider: CommandDecider;
}

/**
 * One status command, one Postgres transaction: the order row locked, commands held for it decided
 * first, then this one decided and recorded by CommandDecider, the ledger entry last (a repeated id
 * rolls everything back). A command whose order is not known yet is held for `orderWaitMs`
 * (see HeldCommandsRepository for why).
 */
export class CommandService {
  private readonly logger = new Logger(CommandService.name);

  constructor(
    private readonly deps: CommandServiceDeps,
    private readonly metrics: PublisherMetrics,
    private readonly orderWaitMs: number,
  ) {}

  async handle(decoded: DecodedCommand, meta: RecordMeta): Promise<void> {
    const position = { topic: meta.topic, partition: meta.partition, offset: meta.offset };
    if (decoded.kind === 'unreadable') {
      // The contract gives the publisher no dead-letter topic, and without ids nobody can be answered.
      this.logger.error({ msg: 'status command unreadable, skipped', ...position, reason: decoded.reason });
      this.metrics.commands.inc({ outcome: 'unreadable', reason: 'unreadable' });
      return;
    }
    const ids = decoded.kind === 'command' ? decoded.command : decoded;
    const pending = { traceparent: meta.traceparent, wasHeld: false, source: `${meta.topic}/${meta.partition}/${meta.offset}` };
    const tally = await this.inTransaction(async (tx, tally) => {
      if (decoded.kind === 'invalid') await this.deps.decider.reject(tx, { ...ids, reason: decoded.reason }, pending, tally);
      else await this.decideCommand(tx, { ...pending, command: decoded.command }, tally);
    }).catch((error: unknown) => this.unstorable(error, { ...ids, reason: decoded.kind === 'invalid' ? decoded.reason : '' }, pending));
    const outcome = tally[tally.length - 1]?.outcome;
    this.logger.log({ msg: 'status command handled', commandId: ids.commandId, orderId: ids.orderId, outcome, ...position, traceparent: meta.traceparent });
  }

  /** Runs `work`; a repeated command id makes it a no-op. Counts what committed. */
  private async inTransaction(work: (tx: Queryable, tally: Tally[]) => Promise<void>): Promise<Tally[]> {
    let tally: Tally[] = [];
    try {
      await this.deps.db.transaction(async (tx) => {
        tally = [];
        await work(tx, tally);
      });
    } catch (error) {
      if (!(error instanceof RepeatedCommandError)) throw error;
      tally = [{ outcome: 'duplicate' }];
    }
    for (const { outcome, reason } of tally) this.metrics.commands.inc({ outcome, reason: reason ?? '' });
    announce(tally, this.deps.notifier);
    return tally;
  }

  /**
   * A command whose values Postgres refuses (isDataError) would fail the same way forever: it is
   * rejected with the reason, or, when even that cannot be stored, logged and skipped.
   */
  private async unstorable(error: unknown, rejection: Rejection, pending: Omit<PendingCommand, 'command'>): Promise<Tally[]> {
    if (!isDataError(error)) throw error;
    const reason = `the command cannot be stored: Postgres refused one of its values (SQLSTATE ${sqlStateOf(error)})`;
    try {
      return await this.inTransaction((tx, tally) => this.deps.decider.reject(tx, { ...rejection, reason }, pending, tally));
    } catch (again) {
      if (!isDataError(again)) throw again;
      this.logger.error({ msg: 'status command cannot be stored or answered, skipped', source: pending.source, sqlState: sqlStateOf(again) });
      return [];
    }
  }

  private async decideCommand(tx: Queryable, pending: PendingCommand, tally: Tally[]): Promise<void> {
    const { decider, held, orders, ledger } = this.deps;
    const { command } = pending;
    let locked = await orders.lockWithHeld(tx, command.orderId);
    if (locked === undefined && this.orderWaitMs > 0) {
      // About to hold it: first wait out a transaction receiving the order right now, then look again.
      await orders.lockOrderId(tx, command.orderId);
      locked = await orders.lockWithHeld(tx, command.orderId);
    }
    if (locked !== undefined) {
      const state = locked.hasHeld ? await decider.settleHeld(tx, locked.state, tally) : locked.state;
      await decider.decide(tx, state, pending, tally);
    } else if (this.orderWaitMs === 0) {
      await decider.reject(tx, { ...ids(command), reason: unknownOrderReason(command.orderId, 0) }, pending, tally);
    } else {
      // Ledger first: a repeat of a held command must stop here, before a second held row.
      await ledger.record(tx, { ...ids(command), outcome: 'held', source: pending.source });
      await held.hold(tx, { command, traceparent: pending.traceparent }, this.orderWaitMs);
      tally.push({ outcome: 'held' });
    }
  }
}

function ids(command: StatusCommandData): { commandId: string; orderId: string } {
  return { commandId: command.commandId, orderId: command.orderId };
}
