import type { StatusCommandData } from '@dropship/messaging';
import { createHash } from 'crypto';

export interface PlannedCommand {
  commandId: string;
  data: StatusCommandData;
  /** False for the commands the connector must answer `rejected` (nothing sent to iQmetrix). */
  valid: boolean;
  /** For a valid one: what the PUT at iQmetrix must say (kind, status, SKUs). */
  put?: ExpectedPut;
}

export interface ExpectedPut {
  kind: 'order' | 'item';
  status: string;
  skus: string[];
}

export interface OrderPlan {
  orderId: string;
  kind: string;
  commands: PlannedCommand[];
  /** The same command id sent a second time: it must have no second effect. */
  resend?: PlannedCommand;
  finalOrderStatus: string;
  finalItemStatus: Record<string, string>;
  /** Tracking numbers the last order-level TrackingInfo must hold. */
  orderTracking: string[];
  itemTracking: Record<string, string[]>;
}

export interface PlanInput {
  orderId: string;
  items: { sku: string; quantity: number }[];
}

/**
 * The end-to-end warehouse's command mix, reproducible from the order id and the run's seed:
 * whole shipments, partial shipments with several tracking numbers, back-order then ship,
 * cancellations (followed by an invalid Shipped), and invalid commands (unknown SKU, a status
 * outside the enum) in front of a valid shipment.
 */
export function planOrder(input: PlanInput, seed: string): OrderPlan {
  const items = mergeBySku(input.items);
  const roll = fraction(`${seed}:${input.orderId}`);
  const plan = new PlanBuilder(input.orderId, items, seed);
  if (roll < 0.45) return plan.shipWhole('whole shipment');
  if (roll < 0.65) return plan.shipItemByItem();
  if (roll < 0.8) return plan.backOrderThenShip();
  if (roll < 0.9) return plan.cancelThenTryToShip();
  return plan.invalidThenShip();
}

class PlanBuilder {
  private readonly commands: PlannedCommand[] = [];
  private serial = 0;

  constructor(
    private readonly orderId: string,
    private readonly items: { sku: string; quantity: number }[],
    private readonly seed: string,
  ) {}

  shipWhole(kind: string): OrderPlan {
    const number = this.trackingNumber();
    this.add({ status: 'Shipped', trackingNumbers: [number], shippingProvider: 'UPS' }, true, this.orderPut('Shipped'));
    return this.finish(kind, 'Shipped', 'Shipped', [number]);
  }

  shipItemByItem(): OrderPlan {
    const itemTracking: Record<string, string[]> = {};
    for (const item of this.items) {
      const numbers = item.quantity >= 2 ? [this.trackingNumber(), this.trackingNumber()] : [this.trackingNumber()];
      if (numbers.length === 2) this.addItem(item.sku, 'PartiallyShipped', 1, numbers[0] as string);
      this.addItem(item.sku, 'Shipped', item.quantity - (numbers.length - 1), numbers[numbers.length - 1] as string);
      itemTracking[item.sku] = numbers;
    }
    const plan = this.finish('partial shipments', 'Ordered', 'Shipped', []);
    return { ...plan, itemTracking, resend: this.commands[0] };
  }

  backOrderThenShip(): OrderPlan {
    this.add({ status: 'BackOrdered', message: 'waiting for stock' }, true, this.orderPut('BackOrdered'));
    this.add({ status: 'Ordered' }, true, this.orderPut('Ordered'));
    return this.shipWhole('back-order, then ship');
  }

  cancelThenTryToShip(): OrderPlan {
    this.add({ status: 'Cancelled', message: 'cancelled by the retailer' }, true, this.orderPut('Cancelled'));
    this.add({ status: 'Shipped', trackingNumbers: [this.trackingNumber()] }, false);
    return this.finish('cancel (then an invalid Shipped)', 'Cancelled', 'Cancelled', []);
  }

  invalidThenShip(): OrderPlan {
    this.add({ status: 'Shipped', items: [{ sku: 'NO-SUCH-SKU', status: 'Shipped', trackingNumbers: ['X1'] }] }, false);
    this.add({ status: 'Exception' as 'Other' }, false);
    return this.shipWhole('invalid commands, then ship');
  }

  private addItem(sku: string, status: 'PartiallyShipped' | 'Shipped', quantity: number, number: string): void {
    const data = { status, items: [{ sku, status, quantity, trackingNumbers: [number], shippingProvider: 'Purolator' }] };
    this.add(data, true, { kind: 'item', status, skus: [sku] });
  }

  private add(data: Omit<StatusCommandData, 'commandId' | 'orderId'>, valid: boolean, put?: ExpectedPut): void {
    const commandId = `${this.seed}:${this.orderId}:${this.serial++}`;
    this.commands.push({ commandId, data: { commandId, orderId: this.orderId, ...data } as StatusCommandData, valid, put });
  }

  private orderPut(status: string): ExpectedPut {
    return { kind: 'order', status, skus: [] };
  }

  private finish(kind: string, orderStatus: string, itemStatus: string, orderTracking: string[]): OrderPlan {
    return {
      orderId: this.orderId,
      kind,
      commands: this.commands,
      finalOrderStatus: orderStatus,
      finalItemStatus: Object.fromEntries(this.items.map((item) => [item.sku, itemStatus])),
      orderTracking,
      itemTracking: {},
    };
  }

  private trackingNumber(): string {
    const digest = createHash('sha256').update(`${this.seed}:${this.orderId}:${this.serial}`).digest('hex');
    this.serial += 1;
    return `1Z${digest.slice(0, 14).toUpperCase()}`;
  }
}

function mergeBySku(items: { sku: string; quantity: number }[]): { sku: string; quantity: number }[] {
  const merged = new Map<string, number>();
  for (const item of items) merged.set(item.sku, (merged.get(item.sku) ?? 0) + item.quantity);
  return [...merged].map(([sku, quantity]) => ({ sku, quantity }));
}

function fraction(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 0x1_0000_0000;
}
