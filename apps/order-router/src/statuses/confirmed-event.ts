import type { EventOf, OrderStatusConfirmedData } from '@dropship/messaging';
import { createEvent, EVENT_TYPES, eventSource } from '@dropship/messaging';
import { confirmedEventId } from '../events/event-ids';

export type OrderStatusConfirmedEvent = EventOf<typeof EVENT_TYPES.orderStatusConfirmed>;

/** A `dropship.order.status-confirmed` event; id and time derive from the reporting entry. */
export function confirmedEvent(data: OrderStatusConfirmedData, traceparent: string | undefined): OrderStatusConfirmedEvent {
  return createEvent({
    type: EVENT_TYPES.orderStatusConfirmed,
    source: eventSource('order-router'),
    subject: data.orderId,
    id: confirmedEventId(data.entryId),
    time: data.confirmedAt,
    data,
    traceparent,
  });
}
