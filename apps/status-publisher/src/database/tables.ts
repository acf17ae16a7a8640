/** Schema-qualified table names, so that no connection depends on its search_path. */
export const TABLES = {
  orders: 'status_publisher.orders',
  ledger: 'status_publisher.command_ledger',
  held: 'status_publisher.held_commands',
  outbox: 'status_publisher.outbox',
  outboxSeq: 'status_publisher.outbox_seq',
  results: 'status_publisher.result_outbox',
  confirmations: 'status_publisher.processed_confirmations',
} as const;

/** NOTIFY channels: one wakes relays (new due PUTs), one wakes the results publisher. */
export const CHANNELS = {
  outbox: 'status_publisher_outbox',
  results: 'status_publisher_results',
} as const;
