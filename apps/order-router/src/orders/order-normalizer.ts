import type { EventOf, OrderCreatedData, OrderReceivedData, ReceivedOrderItem } from '@dropship/messaging';
import {
  EVENT_TYPES,
  SELLER_PROPERTIES,
  SHIPPING_ADDRESS_PROPERTIES,
  SHIPPING_CUSTOMER_PROPERTIES,
  validateEventData,
} from '@dropship/messaging';
import { isShipToStore } from '@dropship/domain';
import { withExtras } from './feed-extras';
import { OrderNotNormalizableError } from './orders.errors';

export type OrderCreatedEvent = EventOf<typeof EVENT_TYPES.orderCreated>;

/**
 * The normalized order of `dropship.order.received` (see ORDER_RECEIVED_DATA_SCHEMA for the
 * guarantees) from an order-created event. Every field the feed carried is kept, unknown ones too;
 * documented keys the feed left out become null. Throws OrderNotNormalizableError when the
 * guarantees cannot be met (no items, an item without SKU or quantity, an unreadable ship-to-store,
 * no supplier id anywhere): such an entry goes to the dead-letter topic instead.
 */
export function normalizeOrder(event: OrderCreatedEvent, fallbackSupplierId?: number): OrderReceivedData {
  const order = event.data;
  const data: OrderReceivedData = {
    orderId: order.orderId,
    entryId: event.id,
    receivedAt: event.time,
    supplierId: supplierIdOf(order.supplierId, fallbackSupplierId),
    shipToStore: shipToStoreOf(order),
    shippingMethod: order.shippingMethod ?? null,
    seller: complete(SELLER_PROPERTIES, order.seller ?? {}) as OrderReceivedData['seller'],
    shippingAddress: completeOrNull(SHIPPING_ADDRESS_PROPERTIES, order.shippingAddress) as OrderReceivedData['shippingAddress'],
    shippingCustomer: completeOrNull(SHIPPING_CUSTOMER_PROPERTIES, order.shippingCustomer) as OrderReceivedData['shippingCustomer'],
    items: itemsOf(order.items),
  };
  // The feed's other elements follow the documented ones (withExtras never replaces those).
  const normalized = withExtras(data, order) as OrderReceivedData;
  const checked = validateEventData(EVENT_TYPES.orderReceived, normalized);
  if (!checked.valid) throw new OrderNotNormalizableError(`the normalized order breaks its schema: ${checked.reason}`);
  return normalized;
}

function supplierIdOf(fromFeed: number | null | undefined, fallback: number | undefined): number {
  const supplierId = fromFeed ?? fallback;
  if (supplierId === undefined) {
    throw new OrderNotNormalizableError('the entry has no supplier-id and IQMETRIX_SUPPLIER_ID is not set');
  }
  return supplierId;
}

function shipToStoreOf(order: OrderCreatedData): boolean {
  try {
    return isShipToStore({ shipToStore: order.shipToStore });
  } catch (error) {
    throw new OrderNotNormalizableError(error instanceof Error ? error.message : String(error));
  }
}

function itemsOf(items: OrderCreatedData['items']): ReceivedOrderItem[] {
  if (!items || items.length === 0) throw new OrderNotNormalizableError('the order has no items');
  return items.map((item, index) => {
    const { sku, catalogId, description, quantity, sellingPrice } = item;
    if (typeof sku !== 'string' || sku.length === 0) {
      throw new OrderNotNormalizableError(`item ${index + 1} has no sku`);
    }
    if (typeof quantity !== 'number') throw new OrderNotNormalizableError(`item ${index + 1} has no quantity`);
    const documented = { sku, catalogId: catalogId ?? null, description: description ?? null, quantity, sellingPrice: sellingPrice ?? null };
    return withExtras(documented, item) as ReceivedOrderItem;
  });
}

/** Every documented key present (null when missing), documented keys first, unknown ones kept. */
function complete(properties: Record<string, unknown>, part: Record<string, unknown>): Record<string, unknown> {
  const documented: Record<string, unknown> = {};
  for (const key of Object.keys(properties)) documented[key] = part[key] ?? null;
  return withExtras(documented, part);
}


function completeOrNull(
  properties: Record<string, unknown>,
  part: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  return part === null || part === undefined ? null : complete(properties, part);
}
