import type { KafkaMessage, Message } from 'kafkajs';
import { buildRejectedEvent, MessageDecodeError, toKafkaMessage, traceparentFromHeaders } from '@dropship/messaging';
import { describeError } from '@dropship/platform';
import { rejectedEventId } from '../events/event-ids';
import type { SourcePartition } from '../ledger/order-ledger';

/**
 * The `dropship.order.rejected` record for an input record the router cannot process: the original
 * value exactly as received, where it was read, and why. Its id is derived from the position, so a
 * dead letter produced again after an aborted transaction is the same event.
 */
export function deadLetterFor(
  source: SourcePartition,
  message: KafkaMessage,
  error: unknown,
  orderId?: string,
): { message: Message; errorCode: string } {
  const { code, message: reason } = describeError(error);
  const key = message.key === null ? null : message.key.toString('utf8');
  const event = buildRejectedEvent(
    {
      reason,
      errorCode: code,
      original: message.value,
      source: { ...source, offset: message.offset, key },
      service: 'order-router',
      orderId: orderId ?? orderIdOf(error),
      traceparent: traceparentFromHeaders(message.headers),
    },
    { newId: () => rejectedEventId(source.topic, source.partition, message.offset) },
  );
  return { message: toKafkaMessage(event), errorCode: code };
}

/** The order id of a record that parsed as JSON but failed a check, when it has a usable one. */
function orderIdOf(error: unknown): string | undefined {
  if (!(error instanceof MessageDecodeError)) return undefined;
  const parsed = error.parsed as { data?: { orderId?: unknown } } | undefined;
  const orderId = parsed?.data?.orderId;
  return typeof orderId === 'string' && orderId.trim() !== '' ? orderId : undefined;
}
