import { TRACEPARENT_PATTERN } from '../schemas';

/** The Kafka header that carries W3C Trace Context across a hop (issue 7). */
export const TRACEPARENT_HEADER = 'traceparent';

const TRACEPARENT = new RegExp(TRACEPARENT_PATTERN);
/** Where the trace id and the parent id sit in a traceparent of the valid shape. */
const TRACE_ID = { from: 3, to: 35 };
const PARENT_ID = { from: 36, to: 52 };
const ZERO = 0x30;

/**
 * True when `value` is a usable W3C traceparent: the right shape, version not `ff`, and trace and
 * parent ids not all zeros (W3C Trace Context §3.2.2). It runs for every record the router reads
 * (twice), so once the shape is known the rest is read in place, without splitting the string.
 */
export function isValidTraceparent(value: unknown): value is string {
  if (typeof value !== 'string' || !TRACEPARENT.test(value)) return false;
  return !value.startsWith('ff') && !allZeros(value, TRACE_ID) && !allZeros(value, PARENT_ID);
}

function allZeros(value: string, span: { from: number; to: number }): boolean {
  for (let at = span.from; at < span.to; at += 1) if (value.charCodeAt(at) !== ZERO) return false;
  return true;
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
