import type { ConnectorConfig } from '@dropship/platform';
import { Kafka } from 'kafkajs';
import { topicsOf } from '../topics/service-topics';
import { ensureTopics } from './ensure-topics';
import { kafkaClientConfig } from './kafka-config';

/**
 * Creates every topic `config.service` reads or writes (and its route topics) when missing, with
 * TOPIC_PARTITIONS partitions; returns the topics it created. Used by `main.js migrate` and at start.
 */
export async function createServiceTopics(config: ConnectorConfig, routes: readonly string[] = []): Promise<string[]> {
  const admin = new Kafka(kafkaClientConfig(config.kafka, `${config.service}-setup`)).admin();
  await admin.connect();
  try {
    const topics = topicsOf(config.service, routes).map((topic) => ({ topic }));
    return await ensureTopics(admin, topics, config.topicPartitions);
  } finally {
    await admin.disconnect();
  }
}
