import type { StatusCommandData } from '@dropship/messaging';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { SandboxOrder } from '../../../../tools/iqmetrix-sandbox/src';
import { newCommandId } from './publisher-fixtures';

/* Test support: the scenarios of the acceptance tests, with the exact PUT bodies they must produce. */

export interface PlannedCommand {
  command: StatusCommandData;
  /** The exact body the sandbox must receive for it. */
  body: Record<string, unknown>;
}

export type PlanKind = 'ship' | 'partial-then-ship' | 'backorder-then-ship' | 'cancel';

/** The commands of one scenario for an acknowledged order, with the body each must produce. */
export function planFor(kind: PlanKind, order: SandboxOrder, tag: string): PlannedCommand[] {
  const Id = order.orderId;
  const command = (fields: Omit<StatusCommandData, 'commandId' | 'orderId'>): StatusCommandData => ({
    commandId: newCommandId(),
    orderId: Id,
    ...fields,
  });
  if (kind === 'ship') {
    const tracking = `1Z${tag}A`;
    return [{ command: command({ status: 'Shipped', trackingNumbers: [tracking], shippingProvider: 'UPS' }), body: { Id, Status: 2, TrackingInfo: tracking, ShippingProvider: 'UPS' } }];
  }
  if (kind === 'partial-then-ship') {
    const Sku = order.items[0].sku as string;
    const [first, second] = [`PX${tag}1`, `PX${tag}2`];
    return [
      {
        command: command({ items: [{ sku: Sku, status: 'PartiallyShipped', quantity: 1, trackingNumbers: [first] }] }),
        body: { Id, ItemInformation: [{ Sku, Status: 6, Quantity: 1, TrackingInfo: first }] },
      },
      {
        command: command({ items: [{ sku: Sku, status: 'Shipped', trackingNumbers: [second] }] }),
        body: { Id, ItemInformation: [{ Sku, Status: 2, TrackingInfo: `${first},${second}` }] },
      },
    ];
  }
  if (kind === 'backorder-then-ship') {
    const tracking = `BO${tag}`;
    return [
      { command: command({ status: 'BackOrdered', message: 'waiting for stock' }), body: { Id, Status: 3, Message: 'waiting for stock' } },
      { command: command({ status: 'Ordered' }), body: { Id, Status: 1 } },
      { command: command({ status: 'Shipped', trackingNumbers: [tracking] }), body: { Id, Status: 2, TrackingInfo: tracking } },
    ];
  }
  return [{ command: command({ status: 'Cancelled', message: 'customer cancelled' }), body: { Id, Status: 7, Message: 'customer cancelled' } }];
}

/** The Ordered body of the automatic acknowledgement. */
export function acknowledgement(orderId: string): Record<string, unknown> {
  return { Id: orderId, Status: 1 };
}

/**
 * Interleaves per-order command lists the way many warehouses would send them (round robin over
 * orders), keeping each order's own commands in their order.
 */
export function interleave(plans: PlannedCommand[][]): PlannedCommand[] {
  const queue: PlannedCommand[] = [];
  const longest = Math.max(0, ...plans.map((plan) => plan.length));
  for (let step = 0; step < longest; step += 1) {
    for (const plan of plans) if (step < plan.length) queue.push(plan[step]);
  }
  return queue;
}
