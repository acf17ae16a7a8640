import type { KafkaMessage, Message } from 'kafkajs';
import { buildRejectedEvent, toKafkaMessage, traceparentFromHeaders } from '@dropship/messaging';
import { rejectedEventId } from '../events/event-ids';
import type { Rejection } from '../events/rejection';
import type { SourcePartition } from '../ledger/order-ledger';

/**
 * The `dropship.order.rejected` record for an input record the router cannot process: the original
 * value exactly as received, where it was read, and why. Its id is derived from the position, so a
 * dead letter produced again after an aborted transaction is the same event.
 */
export function deadLetterFor(
  source: SourcePartition,
  message: KafkaMessage,
  { code, reason, orderId }: Rejection,
): { message: Message; errorCode: string } {
  const key = message.key === null ? null : message.key.toString('utf8');
  const event = buildRejectedEvent(
    {
      reason,
      errorCode: code,
      original: message.value,
      source: { ...source, offset: message.offset, key },
      service: 'order-router',
      orderId,
      traceparent: traceparentFromHeaders(message.headers),
    },
    { newId: () => rejectedEventId(source.topic, source.partition, message.offset) },
  );
  return { message: toKafkaMessage(event), errorCode: code };
}
