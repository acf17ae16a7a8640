import type { ItemInformationBody, ItemStatusUpdateBody, OrderStatusUpdateBody } from './status-bodies';
import { IqmetrixInvalidStatusBodyError } from './status.errors';

type Wire = Record<string, string | number | Wire[]>;

const HIGHEST_STATUS = 8; // Other: the enum runs 0 (PendingSupplier) to 8 (api-reference §4.4)
const OPTIONAL_TEXT = ['TrackingInfo', 'ShippingProvider', 'Message'] as const;

/**
 * The exact JSON object PUT for an order update: only the documented fields, in a fixed order,
 * absent ones omitted. Throws IqmetrixInvalidStatusBodyError instead of sending a wrong body.
 */
export function orderStatusWireBody(orderId: string, body: OrderStatusUpdateBody): Wire {
  assertIdMatches(orderId, body.Id);
  return { Id: body.Id, Status: statusNumber(orderId, body.Status), ...optionalText(orderId, body) };
}

/** The exact JSON object PUT for an item update; same guarantees as orderStatusWireBody. */
export function itemStatusWireBody(orderId: string, body: ItemStatusUpdateBody): Wire {
  assertIdMatches(orderId, body.Id);
  if (!Array.isArray(body.ItemInformation) || body.ItemInformation.length === 0) {
    throw new IqmetrixInvalidStatusBodyError('ItemInformation must list at least one item', orderId);
  }
  return { Id: body.Id, ItemInformation: body.ItemInformation.map((item) => itemWire(orderId, item)) };
}

function itemWire(orderId: string, item: ItemInformationBody): Wire {
  if (typeof item.Sku !== 'string' || item.Sku === '') {
    throw new IqmetrixInvalidStatusBodyError('every item needs a Sku', orderId);
  }
  const wire: Wire = { Sku: item.Sku, Status: statusNumber(orderId, item.Status) };
  if (item.Quantity !== undefined && item.Quantity !== null) {
    if (!Number.isInteger(item.Quantity) || item.Quantity < 0) {
      throw new IqmetrixInvalidStatusBodyError(`Quantity of ${item.Sku} must be a whole number`, orderId);
    }
    wire['Quantity'] = item.Quantity;
  }
  return { ...wire, ...optionalText(orderId, item) };
}

function assertIdMatches(orderId: string, id: unknown): void {
  if (typeof orderId !== 'string' || orderId === '') {
    throw new IqmetrixInvalidStatusBodyError('the order id is empty', String(orderId));
  }
  if (id !== orderId) throw new IqmetrixInvalidStatusBodyError('body Id differs from the order id in the URL', orderId);
}

function statusNumber(orderId: string, status: unknown): number {
  if (typeof status === 'number' && Number.isInteger(status) && status >= 0 && status <= HIGHEST_STATUS) return status;
  throw new IqmetrixInvalidStatusBodyError(`Status must be an enum number 0-${HIGHEST_STATUS}`, orderId);
}

function optionalText(orderId: string, source: Partial<Record<(typeof OPTIONAL_TEXT)[number], unknown>>): Wire {
  const wire: Wire = {};
  for (const field of OPTIONAL_TEXT) {
    const value = source[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new IqmetrixInvalidStatusBodyError(`${field} must be a string`, orderId);
    wire[field] = value;
  }
  return wire;
}
