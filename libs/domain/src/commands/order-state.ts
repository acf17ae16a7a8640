import { OrderCreated } from '../order/order-created';
import { Status } from '../status/status';

/** What the status-publisher knows about one item of an order. */
export interface ItemState {
  readonly sku: string;
  readonly status: Status;
  /** Units ordered. */
  readonly quantity: number;
  readonly trackingNumbers: readonly string[];
}

/** What the status-publisher knows about an order: the view commands are decided against. */
export interface OrderState {
  readonly orderId: string;
  readonly status: Status;
  /** Every tracking number known for the order, including its items' numbers. */
  readonly trackingNumbers: readonly string[];
  readonly items: readonly ItemState[];
}

/**
 * The state of a newly created order: PendingSupplier, no tracking numbers, one item per SKU.
 * Item updates are addressed by SKU, so order lines that share a SKU become one item with their
 * quantities added. Lines without a SKU cannot be addressed by an item update and are left out; a
 * missing quantity counts as 0.
 */
export function initialOrderState(order: OrderCreated): OrderState {
  const quantityBySku = new Map<string, number>();
  for (const line of order.items) {
    if (line.sku === null || line.sku === undefined || line.sku === '') continue;
    quantityBySku.set(line.sku, (quantityBySku.get(line.sku) ?? 0) + (line.quantity ?? 0));
  }
  const items = [...quantityBySku].map(([sku, quantity]) => ({
    sku,
    status: Status.PendingSupplier,
    quantity,
    trackingNumbers: [],
  }));
  return { orderId: order.orderId, status: Status.PendingSupplier, trackingNumbers: [], items };
}
