import { TOPICS } from '@dropship/messaging';

/** The names this service uses on the broker: the contract's, behind KAFKA_TOPIC_PREFIX. */
export interface PublisherTopics {
  commands: string;
  orders: string;
  results: string;
  /** The contract's consumer group: the app name. */
  groupId: string;
  /** One transactional id for the results publisher: a new leader fences a stale one. */
  transactionalId: string;
}

export function publisherTopics(prefix: string): PublisherTopics {
  return {
    commands: `${prefix}${TOPICS.statusCommands}`,
    orders: `${prefix}${TOPICS.orders}`,
    results: `${prefix}${TOPICS.statusResults}`,
    groupId: `${prefix}status-publisher`,
    transactionalId: `${prefix}status-publisher-results`,
  };
}
