import type { Logger } from '@nestjs/common';
import type { Message } from 'kafkajs';
import { TOPICS } from '@dropship/messaging';
import type { BatchPlan } from './batch-plan';

/**
 * One line per event committed to dropship.orders.v1 (its route copies are the same event), with
 * its trace, so a feed entry's trace can be followed from the ingestor's log to the PUT it causes.
 */
export function logPublished(logger: Logger, plan: BatchPlan): void {
  for (const message of plan.output.messagesOf(TOPICS.orders)) {
    logger.log({ msg: 'order event published', orderId: message.key?.toString(), type: header(message, 'ce_type'), traceparent: header(message, 'traceparent') });
  }
}

function header(message: Message, name: string): string | undefined {
  const value = message.headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.toString();
}
