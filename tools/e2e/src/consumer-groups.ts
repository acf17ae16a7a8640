import { TOPICS } from '@dropship/messaging';
import { moveGroupsToEnd } from '@dropship/testing';
import { Kafka } from 'kafkajs';

/** The connector's consumer groups (fixed by the contract) and the topics each reads. */
export const CONNECTOR_GROUPS: Record<string, readonly string[]> = {
  'order-router': [TOPICS.orderCreated, TOPICS.orderStatusUpdated],
  'status-publisher': [TOPICS.orders, TOPICS.statusCommands],
};

/**
 * Moves the connector's groups to the end of their topics before a whole-system run: the run
 * shares the broker's contract topics with earlier tests and benches, whose records (orders this
 * run's sandbox never heard of) the services would otherwise work through first.
 */
export function startGroupsAtTheEnd(kafka: Kafka): Promise<void> {
  return moveGroupsToEnd(kafka, CONNECTOR_GROUPS);
}
