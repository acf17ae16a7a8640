import { decodeEvent, EVENT_TYPES, isValidTraceparent } from '@dropship/messaging';
import { EventRecord, eventRecord } from '../events/event-record';
import { Rejection, rejectionOf } from '../events/rejection';
import type { RouteMatcher } from '../rules/route-matcher';
import { normalizeOrder, OrderCreatedEvent } from './order-normalizer';
import { receivedEvent } from './received-event';

/** An order-created record as far as reading it goes: its value and its valid traceparent header. */
export interface OrderCreatedInput {
  value: Buffer | null;
  traceparent?: string;
}

/** A record that normalized: what the ledger claim needs, its routes, and its output record. */
export interface ReadOrder {
  kind: 'order';
  orderId: string;
  entryId: string;
  receivedAt: string;
  routes: string[];
  /** The order's dropship.order.received record, published if this record holds the claim. */
  received: EventRecord;
}

export interface RejectedOrder {
  kind: 'rejected';
  rejection: Rejection;
}

/** Plain data only: it crosses from a reader thread to the main thread by structured clone. */
export type OrderRead = ReadOrder | RejectedOrder;

export interface OrderReadContext {
  matcher: RouteMatcher;
  /** IQMETRIX_SUPPLIER_ID, for entries without a supplier id. */
  supplierId?: number;
}

/**
 * Decodes, checks and normalizes one order-created record and builds its received event, or says
 * why it goes to the dead-letter topic. Everything here depends on the record alone (no ledger, no
 * I/O), which is why it can run on a reader thread.
 */
export function readOrderCreated(input: OrderCreatedInput, context: OrderReadContext): OrderRead {
  let event: OrderCreatedEvent;
  try {
    event = decodeEvent(input.value, { accept: [EVENT_TYPES.orderCreated] });
  } catch (error) {
    return { kind: 'rejected', rejection: rejectionOf(error) };
  }
  let data;
  let routes: string[];
  try {
    data = normalizeOrder(event, context.supplierId);
    routes = context.matcher.routesFor(data);
  } catch (error) {
    return { kind: 'rejected', rejection: rejectionOf(error, event.data.orderId) };
  }
  // The trace of the record's header, else the one the event itself carries (CloudEvents tracing).
  const traceparent = input.traceparent ?? (isValidTraceparent(event.traceparent) ? event.traceparent : undefined);
  const { orderId, entryId, receivedAt } = data;
  return { kind: 'order', orderId, entryId, receivedAt, routes, received: eventRecord(receivedEvent(data, traceparent)) };
}
