import { createEvent, EVENT_TYPES, eventSource, KafkaRecord, toKafkaMessage } from '@dropship/messaging';
import { PendingResult } from './result-outbox.repository';

/**
 * The Kafka record of a stored result. The event id was fixed when the row was written, so a
 * result published again after a crash is recognisably the same CloudEvent. The command's
 * traceparent travels on, so a result joins the trace of the command it answers.
 */
export function resultRecord(result: PendingResult): KafkaRecord {
  const event = createEvent({
    type: EVENT_TYPES.statusResult,
    source: eventSource('status-publisher'),
    subject: result.orderId,
    data: result.data,
    id: result.eventId,
    time: new Date(result.createdAt),
    traceparent: result.traceparent ?? undefined,
  });
  return toKafkaMessage(event);
}
