import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import { EVENT_TYPES, exampleEvent } from '@dropship/messaging';

/*
 * Input records as the feed-ingestor publishes them (test files only): the contract's examples
 * with the ids, SKUs and statuses a test chooses.
 */

export const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

export interface OrderOptions {
  entryId?: string;
  skus?: string[];
  shipToStore?: string;
  companyId?: number;
  traceparent?: string;
}

export function newOrderId(): string {
  return randomUUID();
}

export function newEntryId(): string {
  return `urn:uuid:${randomUUID()}`;
}

/** An order-created record (key = order id), as on iqmetrix.dropship.order-created.v1. */
export function orderCreatedRecord(orderId: string, options: OrderOptions = {}): Message {
  const event = exampleEvent(EVENT_TYPES.orderCreated);
  const [item] = event.data.items ?? [];
  event.id = options.entryId ?? newEntryId();
  event.subject = orderId;
  event.data.orderId = orderId;
  event.data.items = (options.skus ?? ['AB-JH0786-MI']).map((sku) => ({ ...item, sku }));
  if (options.shipToStore !== undefined) event.data.shipToStore = options.shipToStore;
  if (options.companyId !== undefined) event.data.seller = { ...event.data.seller, companyId: options.companyId };
  const traceparent = options.traceparent ?? TRACEPARENT;
  return { key: orderId, value: JSON.stringify(event), headers: { traceparent } };
}

export interface StatusOptions {
  entryId?: string;
  status?: string;
  trackingInfo?: string | null;
}

/** An order-status-updated record (key = order id), as on iqmetrix.dropship.order-status-updated.v1. */
export function statusUpdatedRecord(orderId: string, options: StatusOptions = {}): Message {
  const event = exampleEvent(EVENT_TYPES.orderStatusUpdated);
  const [item] = event.data.items ?? [];
  event.id = options.entryId ?? newEntryId();
  event.subject = orderId;
  event.data.orderId = orderId;
  event.data.items = [
    { ...item, status: options.status ?? 'Shipped', trackingInfo: options.trackingInfo === undefined ? item?.trackingInfo : options.trackingInfo },
  ];
  return { key: orderId, value: JSON.stringify(event), headers: { traceparent: TRACEPARENT } };
}

/** A record as a test reads it back: the value parsed. */
export interface ReadEvent {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  event: { id: string; type: string; subject: string; time: string; traceparent?: string; data: Record<string, unknown> };
}
