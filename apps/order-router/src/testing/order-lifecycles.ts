import type { Kafka, Message } from 'kafkajs';
import { EVENT_TYPES, TOPICS } from '@dropship/messaging';
import { confirmedEventId, receivedEventId } from '../events/event-ids';
import { newEntryId, newOrderId, orderCreatedRecord, ReadEvent, statusUpdatedRecord } from './router-fixtures';
import { produce } from './router-harness';

/**
 * Five input records per order, the way the feed repeats itself: the order, two status reports
 * (Ordered, then Shipped with a tracking number), the Shipped entry delivered again, and the order
 * announced again by another entry. The router must publish exactly three events per order, in
 * this order: received, status-confirmed Ordered, status-confirmed Shipped.
 */
export interface OrderLifecycle {
  orderId: string;
  created: Message[];
  reports: Message[];
  expected: { type: string; id: string; status?: string }[];
}

export function planLifecycles(count: number): OrderLifecycle[] {
  return Array.from({ length: count }, (_, index) => {
    const orderId = newOrderId();
    const [ordered, shipped] = [newEntryId(), newEntryId()];
    const shippedRecord = statusUpdatedRecord(orderId, { entryId: shipped, status: 'Shipped', trackingInfo: `1Z${index}` });
    return {
      orderId,
      created: [orderCreatedRecord(orderId), orderCreatedRecord(orderId, { entryId: newEntryId() })],
      reports: [statusUpdatedRecord(orderId, { entryId: ordered, status: 'Ordered', trackingInfo: null }), shippedRecord, shippedRecord],
      expected: [
        { type: EVENT_TYPES.orderReceived, id: receivedEventId(orderId) },
        { type: EVENT_TYPES.orderStatusConfirmed, id: confirmedEventId(ordered), status: 'Ordered' },
        { type: EVENT_TYPES.orderStatusConfirmed, id: confirmedEventId(shipped), status: 'Shipped' },
      ],
    };
  });
}

/**
 * Produces the lifecycles a few orders at a time, spread over time so that crashes and rebalances
 * land in the middle of the run (the pacing shapes the load; it synchronizes nothing). Like the
 * feed-ingestor, which publishes the feed oldest first, each step's orders are written before
 * their reports; the router reads the two topics in parallel, so reports may still overtake.
 */
export async function trickle(kafka: Kafka, lifecycles: OrderLifecycle[], ordersPerStep: number, stepMs: number): Promise<void> {
  for (let start = 0; start < lifecycles.length; start += ordersPerStep) {
    const step = lifecycles.slice(start, start + ordersPerStep);
    await produce(kafka, TOPICS.orderCreated, step.flatMap((lifecycle) => lifecycle.created));
    await produce(kafka, TOPICS.orderStatusUpdated, step.flatMap((lifecycle) => lifecycle.reports));
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}

/** Each order's events on dropship.orders.v1, in the order a subscriber reads them. */
export function lifecycleEvents(records: readonly ReadEvent[], orderId: string): { type: string; id: string; status?: string }[] {
  const own = records.filter((record) => record.topic === TOPICS.orders && record.key === orderId);
  if (new Set(own.map((record) => record.partition)).size > 1) throw new Error(`order ${orderId} spans partitions`);
  return own
    .sort((a, b) => (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1))
    .map(({ event }) =>
      event.type === EVENT_TYPES.orderStatusConfirmed
        ? { type: event.type, id: event.id, status: event.data['status'] as string }
        : { type: event.type, id: event.id },
    );
}

/**
 * The orders whose events differ from the expected three (empty when all is well), each as one
 * line such as "<order id>: received confirmed:Shipped confirmed:Ordered", for the failure message.
 */
export function wrongLifecycles(records: readonly ReadEvent[], lifecycles: readonly OrderLifecycle[]): string[] {
  const byKey = new Map<string, ReadEvent[]>();
  for (const record of records) byKey.set(record.key ?? '', [...(byKey.get(record.key ?? '') ?? []), record]);
  const wrong: string[] = [];
  for (const { orderId, expected } of lifecycles) {
    const actual = lifecycleEvents(byKey.get(orderId) ?? [], orderId);
    if (JSON.stringify(expected) !== JSON.stringify(actual)) wrong.push(`${orderId}: ${actual.map(describeEvent).join(' ')}`);
  }
  return wrong.length > 10 ? [...wrong.slice(0, 10), `... and ${wrong.length - 10} more`] : wrong;
}

function describeEvent(event: { type: string; id: string; status?: string }): string {
  return event.status === undefined ? `received:${event.id.slice(0, 8)}` : `confirmed:${event.status}:${event.id.slice(0, 8)}`;
}
