import { createHash } from 'node:crypto';

/** The router's own UUID namespace for name-based (version 5) event ids. */
const ROUTER_NAMESPACE = Buffer.from('5d0c8f4e6b2a4c1e9f3a7b6d2e1c0a98', 'hex');

/**
 * A name-based UUID (RFC 4122 version 5): the same name always gives the same id. Events the
 * router publishes get ids derived from what they are about, so that an event re-published after
 * an aborted transaction (or a crash) carries the same id, and subscribers that de-duplicate on
 * `source` + `id` (CloudEvents) recognise it.
 */
export function nameBasedUuid(name: string): string {
  const bytes = createHash('sha1').update(ROUTER_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One `dropship.order.received` per order: its id is a function of the order id alone. */
export function receivedEventId(orderId: string): string {
  return nameBasedUuid(`dropship.order.received/${orderId}`);
}

/** One confirmation per reporting feed entry. */
export function confirmedEventId(entryId: string): string {
  return nameBasedUuid(`dropship.order.status-confirmed/${entryId}`);
}

/** One dead letter per input record. */
export function rejectedEventId(topic: string, partition: number, offset: string): string {
  return nameBasedUuid(`dropship.order.rejected/${topic}/${partition}/${offset}`);
}
