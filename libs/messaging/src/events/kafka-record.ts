import { KnownEvent } from './cloud-event';
import { encodeEvent } from './event-codec';
import { isValidTraceparent, TRACEPARENT_HEADER } from './trace-context';

/** The content type of a structured-mode CloudEvent (CloudEvents Kafka protocol binding §3.2). */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

/** A record to produce; structurally a kafkajs `Message`. */
export interface KafkaRecord {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export interface KafkaRecordOptions {
  /** Defaults to the event subject (the order id); the contract wants them equal. */
  key?: string;
  /** The trace context of this hop; defaults to the event's own traceparent. */
  traceparent?: string;
  /** Extra headers; they cannot replace the content-type, ce_type or traceparent headers. */
  headers?: Record<string, string>;
}

/**
 * The Kafka record of `event` in structured mode: the value is the whole event (checked against
 * the contract), `content-type` says so, and `ce_type` repeats the type (the binding allows binary
 * mode's headers here) so that readers can skip records without parsing them. `traceparent` goes in
 * a header (W3C Trace Context for Kafka) when valid; an invalid one is left out, as W3C asks.
 */
export function toKafkaMessage(event: KnownEvent, options: KafkaRecordOptions = {}): KafkaRecord {
  const traceparent = options.traceparent ?? event.traceparent;
  const headers: Record<string, string> = {
    ...options.headers,
    'content-type': CLOUDEVENTS_CONTENT_TYPE,
    ce_type: event.type,
  };
  if (isValidTraceparent(traceparent)) headers[TRACEPARENT_HEADER] = traceparent;
  else delete headers[TRACEPARENT_HEADER];
  return { key: options.key ?? event.subject, value: encodeEvent(event), headers };
}
