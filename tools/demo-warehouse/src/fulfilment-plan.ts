import type { StatusValue } from '@dropship/messaging';
import { createHash } from 'crypto';

/** What the demo warehouse does with one received order: a list of status commands in order. */
export interface PlannedCommand {
  status: 'Shipped' | 'PartiallyShipped' | 'BackOrdered' | 'Ordered' | 'Cancelled';
  trackingNumbers?: string[];
  shippingProvider?: string;
  message?: string;
  items?: { sku: string; status: StatusValue; quantity?: number; trackingNumbers?: string[] }[];
}

export interface PlannableOrder {
  orderId: string;
  items: { sku: string; quantity: number }[];
}

const CARRIERS = ['UPS', 'Purolator', 'FedEx', 'Canada Post'];

/**
 * A realistic mix, chosen from the order id so a run is reproducible: most orders ship whole,
 * some ship item by item (incremental shipments with a tracking number each), some are
 * back-ordered first, a few are cancelled.
 */
export function planFulfilment(order: PlannableOrder): PlannedCommand[] {
  const roll = fraction(order.orderId);
  const carrier = CARRIERS[Math.floor(fraction(`${order.orderId}:carrier`) * CARRIERS.length)] as string;
  if (roll < 0.6) return [shipWhole(order, carrier)];
  if (roll < 0.8) return shipItemByItem(order, carrier);
  if (roll < 0.92) return [{ status: 'BackOrdered', message: 'waiting for stock' }, { status: 'Ordered' }, shipWhole(order, carrier)];
  return [{ status: 'Cancelled', message: 'cancelled by the retailer' }];
}

function shipWhole(order: PlannableOrder, carrier: string): PlannedCommand {
  return { status: 'Shipped', trackingNumbers: [trackingNumber(order.orderId, 0)], shippingProvider: carrier };
}

function shipItemByItem(order: PlannableOrder, carrier: string): PlannedCommand[] {
  return order.items.map((item, index) => ({
    status: 'Shipped',
    shippingProvider: carrier,
    items: [{ sku: item.sku, status: 'Shipped', quantity: item.quantity, trackingNumbers: [trackingNumber(order.orderId, index + 1)] }],
  }));
}

function trackingNumber(orderId: string, shipment: number): string {
  const digest = createHash('sha256').update(`${orderId}:${shipment}`).digest('hex').toUpperCase();
  return `1Z${digest.slice(0, 16)}`;
}

function fraction(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 0x1_0000_0000;
}
