import type { KafkaMessage } from 'kafkajs';
import { recordTraceparent } from '@dropship/messaging';

/**
 * The trace context to carry on: the input record's `traceparent` header (W3C Trace Context for
 * Kafka), else the one the input event itself carries (CloudEvents tracing extension).
 */
export function inputTraceparent(message: KafkaMessage, event: { traceparent?: string }): string | undefined {
  return recordTraceparent(message.headers, event);
}

/** The offset to commit once `offset` is processed: the next record to read. */
export function nextOffsetAfter(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

/** The offset before `offset` (kafkajs resolves the last processed offset, not the next one). */
export function offsetBefore(offset: string): string {
  return (BigInt(offset) - 1n).toString();
}

/** Records at or after `committed` (all of them when nothing is committed yet). */
export function unreadMessages(messages: readonly KafkaMessage[], committed: string | null): KafkaMessage[] {
  if (committed === null) return [...messages];
  const from = BigInt(committed);
  return messages.filter((message) => BigInt(message.offset) >= from);
}
