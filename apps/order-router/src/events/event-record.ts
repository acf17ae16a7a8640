import type { Message } from 'kafkajs';
import type { KnownEvent } from '@dropship/messaging';
import { CLOUDEVENTS_CONTENT_TYPE, isValidTraceparent, TRACEPARENT_HEADER } from '@dropship/messaging';

/**
 * A record the router built: plain data, so it can come back from a worker thread. The value is
 * the event's JSON text, or its UTF-8 bytes once it came back from a reader thread (packReads).
 */
export type EventRecord = Message & { key: string; value: string | Buffer; headers: Record<string, string> };

/**
 * The Kafka record of an event the router built itself: what toKafkaMessage gives (a unit test
 * keeps them equal), without its check of the written JSON, which parses every record back. The
 * router checks its events before this: `data` against its schema when normalized, and the
 * envelope is its own constants plus values of an input event that passed the envelope schema
 * (id-derived UUID, time, subject = order id, a traceparent checked here). On the hot path that
 * check would be a third of the router's CPU per record (see tools/bench/route-bench.ts). The
 * value stays a string: kafkajs writes it into the request as UTF-8 without an extra Buffer.
 */
export function eventRecord(event: KnownEvent): EventRecord {
  const headers: Record<string, string> = { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_type: event.type };
  if (isValidTraceparent(event.traceparent)) headers[TRACEPARENT_HEADER] = event.traceparent;
  return { key: event.subject, value: JSON.stringify(event), headers };
}
