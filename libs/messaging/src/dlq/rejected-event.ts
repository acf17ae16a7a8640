import { describeError } from '@dropship/platform';
import { EVENT_TYPES, ServiceName } from '../topics';
import { OrderRejectedData, RejectionSource } from '../schemas';
import { createEvent, DEFAULT_EVENT_DEPS, EventDeps, EventOf, eventSource } from '../events';

/** The subject (and record key) of a rejection whose order id nobody could read. */
export const UNKNOWN_SUBJECT = 'unknown';

export interface RejectionInput {
  /** Why, for a person to read; falls back to the error code when blank. */
  reason: string;
  /** Stable code of the failure (AREA.REASON); `UNKNOWN` when blank. */
  errorCode: string;
  /** The input exactly as received: raw entry XML or the record value. */
  original: Buffer | string | null | undefined;
  source: RejectionSource;
  service: ServiceName;
  /** The order id, when it could be read from the input. */
  orderId?: string | null;
  traceparent?: string;
}

export type RejectedEvent = EventOf<typeof EVENT_TYPES.orderRejected>;

/**
 * A `dropship.order.rejected` event for dropship.orders.dlq.v1. Its subject, and so its record key,
 * is the order id when known, so that a rejection sits on the same partition as the order's other
 * records; otherwise the source record's key, the feed entry id, or `unknown`, in that order.
 */
export function buildRejectedEvent(input: RejectionInput, deps: Partial<EventDeps> = {}): RejectedEvent {
  const now = deps.now ?? DEFAULT_EVENT_DEPS.now;
  const time = now().toISOString();
  const orderId = nonBlank(input.orderId);
  const errorCode = nonBlank(input.errorCode) ?? 'UNKNOWN';
  const data: OrderRejectedData = {
    reason: nonBlank(input.reason) ?? errorCode,
    errorCode,
    service: input.service,
    rejectedAt: time,
    orderId: orderId ?? null,
    source: input.source,
    ...encodeOriginal(input.original),
  };
  const subject = orderId ?? nonBlank(input.source.key) ?? nonBlank(input.source.entryId) ?? UNKNOWN_SUBJECT;
  return createEvent(
    {
      type: EVENT_TYPES.orderRejected,
      source: eventSource(input.service),
      subject,
      data,
      time,
      traceparent: input.traceparent,
    },
    deps,
  );
}

/** The code and reason of a rejection from whatever was thrown (AppError codes pass through). */
export function rejectionOf(error: unknown): { errorCode: string; reason: string } {
  const { code, message } = describeError(error);
  return { errorCode: code, reason: message };
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Text stays text; bytes that are not valid UTF-8 are kept exactly, as base64. */
function encodeOriginal(
  original: Buffer | string | null | undefined,
): Pick<OrderRejectedData, 'original' | 'originalEncoding'> {
  if (original === null || original === undefined) return { original: '', originalEncoding: 'utf-8' };
  if (typeof original === 'string') return { original, originalEncoding: 'utf-8' };
  try {
    return { original: STRICT_UTF8.decode(original), originalEncoding: 'utf-8' };
  } catch {
    return { original: original.toString('base64'), originalEncoding: 'base64' };
  }
}

function nonBlank(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : value;
}
