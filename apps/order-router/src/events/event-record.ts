import type { KafkaRecord, KnownEvent } from '@dropship/messaging';
import { CLOUDEVENTS_CONTENT_TYPE, isValidTraceparent, TRACEPARENT_HEADER } from '@dropship/messaging';

/**
 * The Kafka record of an event the router built itself: what toKafkaMessage gives (a unit test
 * keeps them equal), without its check of the written JSON, which parses every record back. The
 * router checks its events before this: `data` against its schema when normalized, and the
 * envelope is its own constants plus values of an input event that passed the envelope schema
 * (id-derived UUID, time, subject = order id, a traceparent checked here). On the hot path that
 * check would be a third of the router's CPU per record (see tools/bench/route-bench.ts).
 */
export function eventRecord(event: KnownEvent): KafkaRecord {
  const headers: Record<string, string> = { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_type: event.type };
  if (isValidTraceparent(event.traceparent)) headers[TRACEPARENT_HEADER] = event.traceparent;
  return { key: event.subject, value: Buffer.from(JSON.stringify(event), 'utf8'), headers };
}
