import { Logger } from '@nestjs/common';
import { decideCommand, initialOrderState, mergeConfirmation, OrderState, Status } from '@dropship/domain';
import { OrderReceivedData, OrderStatusConfirmedData } from '@dropship/messaging';
import { announce, CommandDecider, Tally } from '../commands/command-decider';
import { ChangeNotifier } from '../database/change-notifier';
import { PublisherDb, Queryable } from '../database/publisher-db';
import { PublisherMetrics } from '../maintenance/publisher-metrics';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OrderViewRepository } from './order-view.repository';

export interface OrderEventsDeps {
  db: PublisherDb;
  notifier: ChangeNotifier;
  orders: OrderViewRepository;
  outbox: OutboxRepository;
  decider: CommandDecider;
}

/** Keeps the order view from dropship.orders.v1: received orders, then iQmetrix's confirmations. */
export class OrderEventsService {
  private readonly logger = new Logger(OrderEventsService.name);

  constructor(
    private readonly deps: OrderEventsDeps,
    private readonly metrics: PublisherMetrics,
    private readonly autoAcknowledge: boolean,
  ) {}

  /**
   * A new order: its view row and, with AUTO_ACKNOWLEDGE, the Ordered PUT the docs ask suppliers
   * to send (api-reference decision 10), in one transaction; then the commands that were waiting
   * for it. A repeated received event (same order id) changes nothing. The Ordered PUT carries the
   * order's trace, so the trace of a feed entry reaches the PUT it caused.
   */
  async received(order: OrderReceivedData, traceparent: string | null = null): Promise<void> {
    const tally: Tally[] = [];
    const { state, acknowledged } = this.acknowledge(initialOrderState({ orderId: order.orderId, items: order.items }));
    const isNew = await this.deps.db.transaction(async (tx) => {
      tally.length = 0;
      await this.deps.orders.lockOrderId(tx, order.orderId);
      if (!(await this.deps.orders.insertIfNew(tx, state, order.entryId))) return false;
      if (acknowledged) await this.deps.outbox.add(tx, { ...acknowledged, traceparent: traceparent ?? undefined });
      await this.settleWaiting(tx, state, tally);
      return true;
    });
    for (const { outcome, reason } of tally) this.metrics.commands.inc({ outcome, reason: reason ?? '' });
    announce(tally, this.deps.notifier, isNew && acknowledged !== undefined);
    this.logger.log({ msg: isNew ? 'order received' : 'order received again, ignored', orderId: order.orderId, traceparent });
  }

  /** A status iQmetrix reported: see mergeConfirmation for what it may change. */
  async confirmed(confirmation: OrderStatusConfirmedData): Promise<void> {
    const outcome = await this.deps.db.transaction(async (tx) => {
      const state = await this.deps.orders.lock(tx, confirmation.orderId);
      if (state === undefined) return 'unknown order';
      if (!(await this.deps.orders.firstSightOfConfirmation(tx, confirmation.entryId, confirmation.orderId))) return 'repeat';
      const counters = await this.deps.orders.confirmationCounters(tx, confirmation.orderId);
      const merged = mergeConfirmation(state, confirmation, counters);
      await this.deps.orders.saveConfirmation(tx, merged.next, { status: confirmation.status, confirmedAt: confirmation.confirmedAt, entryId: confirmation.entryId });
      return merged.statusApplied ? 'status applied' : 'tracking merged';
    });
    this.logger.log({ msg: 'order status confirmed', orderId: confirmation.orderId, outcome });
  }

  private acknowledge(initial: OrderState): { state: OrderState; acknowledged?: Parameters<OutboxRepository['add']>[1] } {
    if (!this.autoAcknowledge) return { state: initial };
    const decision = decideCommand(initial, { commandId: 'auto-acknowledge', orderId: initial.orderId, status: Status.Ordered });
    if (decision.outcome === 'rejected') {
      this.logger.error({ msg: 'automatic acknowledgement refused', orderId: initial.orderId, reason: decision.reason });
      return { state: initial };
    }
    const put = { orderId: initial.orderId, commandId: null, endpoint: 'OrderStatusUpdate' as const, body: decision.put };
    return { state: decision.next, acknowledged: put };
  }

  private async settleWaiting(tx: Queryable, state: OrderState, tally: Tally[]): Promise<void> {
    const settled = await this.deps.decider.settleHeld(tx, state, tally);
    if (tally.length > 0) this.logger.log({ msg: 'held status commands decided', orderId: state.orderId, count: tally.length, final: settled.status });
  }
}
