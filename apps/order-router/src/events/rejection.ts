import { MessageDecodeError } from '@dropship/messaging';
import { describeError } from '@dropship/platform';

/**
 * Why an input record cannot be processed, as plain data: what its dead letter says. Plain, so
 * that a record read on a worker thread comes back with its reason intact (an Error loses its
 * class and code on the way).
 */
export interface Rejection {
  code: string;
  reason: string;
  /** The record's order id, when it has a usable one. */
  orderId?: string;
}

export function rejectionOf(error: unknown, orderId?: string): Rejection {
  const { code, message } = describeError(error);
  const id = orderId ?? orderIdOf(error);
  return id === undefined ? { code, reason: message } : { code, reason: message, orderId: id };
}

/** The order id of a record that parsed as JSON but failed a check, when it has a usable one. */
function orderIdOf(error: unknown): string | undefined {
  if (!(error instanceof MessageDecodeError)) return undefined;
  const parsed = error.parsed as { data?: { orderId?: unknown } } | undefined;
  const orderId = parsed?.data?.orderId;
  return typeof orderId === 'string' && orderId.trim() !== '' ? orderId : undefined;
}
