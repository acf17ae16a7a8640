import { LogEntry, Kafka } from 'kafkajs';
import { kafkaClientConfig, kafkaLogCreator } from '@dropship/messaging';
import { createKafka } from '@dropship/platform';
import type { ConnectorConfig } from '@dropship/platform';

/*
 * kafkajs warns on every idempotent producer whose retries are bounded that the bound "may
 * invalidate EoS guarantees": a produce retried past the bound could leave a gap in the producer's
 * sequence numbers. The router's producers are transactional and short-lived: a transaction with a
 * failed step is aborted and its producer replaced by a new, fencing one (PartitionSessions), so
 * nothing of it becomes visible. Bounded retries keep a broker outage from hanging a batch (it is
 * retried with backoff instead, and readiness says so); the warning would repeat for each of the
 * partition producers at every rebalance, so this client leaves it out.
 */
const BOUNDED_RETRY_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

/** The Kafka client of the router's transactional producers. */
export function transactionalKafka(config: ConnectorConfig): Kafka {
  const settings = kafkaClientConfig(config.kafka, `${config.service}-transactions`);
  return createKafka({
    ...settings,
    logCreator: () => {
      const log = kafkaLogCreator();
      return (entry: LogEntry) => {
        if (entry.log.message !== BOUNDED_RETRY_WARNING) log(entry);
      };
    },
  });
}
