import type { EventOf, OrderReceivedData } from '@dropship/messaging';
import { createEvent, EVENT_TYPES, eventSource } from '@dropship/messaging';
import { receivedEventId } from '../events/event-ids';

export type OrderReceivedEvent = EventOf<typeof EVENT_TYPES.orderReceived>;

/**
 * The order's one `dropship.order.received` event. Everything in it is derived from the order
 * (id from the order id, time from the entry's published time), so producing it again after an
 * aborted transaction gives the very same event.
 */
export function receivedEvent(data: OrderReceivedData, traceparent: string | undefined): OrderReceivedEvent {
  return createEvent({
    type: EVENT_TYPES.orderReceived,
    source: eventSource('order-router'),
    subject: data.orderId,
    id: receivedEventId(data.orderId),
    time: data.receivedAt,
    data,
    traceparent,
  });
}
