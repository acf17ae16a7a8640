/** The CloudEvents `type` of every message of the contract. */
export const EVENT_TYPES = {
  /** An order-created feed entry as parsed (topic iqmetrix.dropship.order-created.v1). */
  orderCreated: 'com.iqmetrix.dropship.order-created',
  /** An order-status-updated feed entry as parsed (topic iqmetrix.dropship.order-status-updated.v1). */
  orderStatusUpdated: 'com.iqmetrix.dropship.order-status-updated',
  /** A new order, normalized, once per order (dropship.orders.v1 and route topics). */
  orderReceived: 'dropship.order.received',
  /** A status iQmetrix reported back on the feed (dropship.orders.v1). */
  orderStatusConfirmed: 'dropship.order.status-confirmed',
  /** Input that could not be processed (dropship.orders.dlq.v1). */
  orderRejected: 'dropship.order.rejected',
  /** A command to change an order's or its items' status (dropship.status-commands.v1). */
  statusCommand: 'dropship.status.command',
  /** The outcome of a status command (dropship.status-results.v1). */
  statusResult: 'dropship.status.result',
} as const;

export type EventTypeKey = keyof typeof EVENT_TYPES;
export type EventType = (typeof EVENT_TYPES)[EventTypeKey];

/** All event types, in the contract's order. */
export const ALL_EVENT_TYPES: readonly EventType[] = Object.values(EVENT_TYPES);

/** True when `value` is one of the contract's event types. */
export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (ALL_EVENT_TYPES as readonly string[]).includes(value);
}
