/**
 * Every fixed Kafka topic of the public contract (contract.md "Topics"). A breaking change to a
 * topic's messages gets a new `.vN` topic, never an edit of these names.
 */
export const TOPICS = {
  /** One order-created feed entry as parsed, written by the feed-ingestor. */
  orderCreated: 'iqmetrix.dropship.order-created.v1',
  /** One order-status-updated feed entry as parsed, written by the feed-ingestor. */
  orderStatusUpdated: 'iqmetrix.dropship.order-status-updated.v1',
  /** Each order's lifecycle (received, then status-confirmed), written by the order-router. */
  orders: 'dropship.orders.v1',
  /** Input that could not be processed, with the original and the reason. */
  ordersDlq: 'dropship.orders.dlq.v1',
  /** Status commands sent by internal services to the status-publisher. */
  statusCommands: 'dropship.status-commands.v1',
  /** The outcome of each status command, written by the status-publisher. */
  statusResults: 'dropship.status-results.v1',
} as const;

export type TopicKey = keyof typeof TOPICS;
export type FixedTopic = (typeof TOPICS)[TopicKey];

/** All fixed topics, in the contract's order. */
export const FIXED_TOPICS: readonly FixedTopic[] = Object.values(TOPICS);
