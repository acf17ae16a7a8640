import { decideCommand, OrderState } from '@dropship/domain';
import { StatusCommandData } from '@dropship/messaging';
import { ChangeNotifier } from '../database/change-notifier';
import { Queryable } from '../database/publisher-db';
import { CHANNELS } from '../database/tables';
import { OrderViewRepository } from '../orders/order-view.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import { ResultOutboxRepository } from '../results/result-outbox.repository';
import { CommandLedgerRepository, LedgerOutcome } from './command-ledger.repository';
import { HeldCommandsRepository } from './held-commands.repository';
import { rejectionCategory } from './rejection-reason';
import { toStatusCommand } from './status-command.mapper';

/** What one transaction decided, counted in metrics only once it has committed. */
export interface Tally {
  outcome: 'accepted' | 'rejected' | 'held' | 'duplicate';
  reason?: string;
}

/** A command to decide: one just read (its ledger entry is new) or one that was held (it has one). */
export interface PendingCommand {
  command: StatusCommandData;
  traceparent: string | null;
  wasHeld: boolean;
  /** Where a command just read came from (topic/partition/offset), for the ledger. */
  source?: string;
}

export interface Rejection {
  commandId: string;
  orderId: string;
  reason: string;
}

/**
 * Records decisions inside the caller's transaction (the order row already locked): the order
 * view's new state, the exact PUT in the outbox, the result event and the ledger's answer. Used for
 * live commands, held commands whose order arrived, and held commands whose wait ran out.
 */
export class CommandDecider {
  constructor(
    private readonly ledger: CommandLedgerRepository,
    private readonly orders: OrderViewRepository,
    private readonly outbox: OutboxRepository,
    private readonly results: ResultOutboxRepository,
    private readonly held: HeldCommandsRepository,
  ) {}

  /** Decides one command against the locked state; returns the state after it. */
  async decide(tx: Queryable, state: OrderState, pending: PendingCommand, tally: Tally[]): Promise<OrderState> {
    const { command, traceparent } = pending;
    const decision = decideCommand(state, toStatusCommand(command));
    if (decision.outcome === 'rejected') {
      await this.reject(tx, { ...ids(command), reason: decision.reason }, pending, tally);
      return state;
    }
    await this.orders.save(tx, decision.next);
    const endpoint = decision.level === 'item' ? 'ItemStatusUpdate' : 'OrderStatusUpdate';
    await this.outbox.add(tx, { ...ids(command), endpoint, body: decision.put, traceparent: traceparent ?? undefined });
    await this.results.add(tx, { ...ids(command), outcome: 'accepted' }, traceparent);
    await this.answer(tx, pending, 'accepted');
    tally.push({ outcome: 'accepted' });
    return decision.next;
  }

  /** Answers `rejected`: result and ledger, nothing to send. */
  async reject(tx: Queryable, rejection: Rejection, pending: Omit<PendingCommand, 'command'>, tally: Tally[]): Promise<void> {
    const { commandId, orderId, reason } = rejection;
    await this.results.add(tx, { commandId, orderId, outcome: 'rejected', reason }, pending.traceparent);
    await this.answer(tx, { ...pending, command: { commandId, orderId } }, 'rejected', reason);
    tally.push({ outcome: 'rejected', reason: rejectionCategory(reason) });
  }

  /** Decides the order's held commands, oldest first, before anything newer of that order. */
  async settleHeld(tx: Queryable, state: OrderState, tally: Tally[]): Promise<OrderState> {
    let current = state;
    for (const { command, traceparent } of await this.held.takeAll(tx, state.orderId)) {
      current = await this.decide(tx, current, { command, traceparent, wasHeld: true }, tally);
    }
    return current;
  }

  /** Rejects held commands of a still unknown order whose wait ended by `readUntil`. */
  async rejectExpired(tx: Queryable, orderId: string, expiry: { waitMs: number; readUntil: Date }, tally: Tally[]): Promise<void> {
    const { waitMs, readUntil } = expiry;
    for (const { command, traceparent } of await this.held.takeExpired(tx, orderId, readUntil)) {
      const rejection = { ...ids(command), reason: unknownOrderReason(orderId, waitMs) };
      await this.reject(tx, rejection, { traceparent, wasHeld: true }, tally);
    }
  }

  private async answer(tx: Queryable, pending: PendingCommand, outcome: Exclude<LedgerOutcome, 'held'>, reason?: string): Promise<void> {
    const { commandId, orderId } = pending.command;
    if (pending.wasHeld) await this.ledger.decide(tx, commandId, outcome, reason);
    else await this.ledger.record(tx, { commandId, orderId, outcome, reason, source: pending.source });
  }
}

/** Wakes the relay and the results publisher for what a committed transaction recorded. */
export function announce(tally: readonly Tally[], notifier: ChangeNotifier, putsQueued = false): void {
  if (putsQueued || tally.some((entry) => entry.outcome === 'accepted')) notifier.changed(CHANNELS.outbox);
  if (tally.some((entry) => entry.outcome === 'accepted' || entry.outcome === 'rejected')) notifier.changed(CHANNELS.results);
}

export function unknownOrderReason(orderId: string, waitMs: number): string {
  const waited = waitMs > 0 ? ` within ${Math.round(waitMs / 1000)} s` : '';
  return `unknown order ${orderId}: no dropship.order.received was seen for it${waited}`;
}

function ids(command: Pick<StatusCommandData, 'commandId' | 'orderId'>): { commandId: string; orderId: string } {
  return { commandId: command.commandId, orderId: command.orderId };
}
