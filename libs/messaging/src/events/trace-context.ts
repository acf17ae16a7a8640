import { TRACEPARENT_PATTERN } from '../schemas';

/** The Kafka header that carries W3C Trace Context across a hop (issue 7). */
export const TRACEPARENT_HEADER = 'traceparent';

const TRACEPARENT = new RegExp(TRACEPARENT_PATTERN);
const ALL_ZEROS = /^0+$/;

/**
 * True when `value` is a usable W3C traceparent: the right shape, version not `ff`, and trace and
 * parent ids not all zeros (W3C Trace Context §3.2.2).
 */
export function isValidTraceparent(value: unknown): value is string {
  if (typeof value !== 'string' || !TRACEPARENT.test(value)) return false;
  const [version, traceId, parentId] = value.split('-');
  return version !== 'ff' && !ALL_ZEROS.test(traceId ?? '') && !ALL_ZEROS.test(parentId ?? '');
}

/** Kafka record headers as kafkajs delivers them. */
export type KafkaHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

/**
 * The trace to carry on from a received record: its `traceparent` header (W3C Trace Context for
 * Kafka), else the one the event itself carries (CloudEvents tracing extension); invalid ones ignored.
 */
export function recordTraceparent(headers: KafkaHeaders | undefined, event: { traceparent?: unknown }): string | undefined {
  return traceparentFromHeaders(headers) ?? (isValidTraceparent(event.traceparent) ? event.traceparent : undefined);
}

/**
 * The traceparent of a received record's headers, or undefined when absent or invalid (W3C asks
 * receivers to ignore an invalid one and start a new trace).
 */
export function traceparentFromHeaders(headers: KafkaHeaders | undefined): string | undefined {
  const raw = headers?.[TRACEPARENT_HEADER];
  const first = Array.isArray(raw) ? raw[0] : raw;
  const value = first === undefined ? undefined : first.toString();
  return isValidTraceparent(value) ? value : undefined;
}
