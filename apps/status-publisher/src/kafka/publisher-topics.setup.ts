import { Kafka } from 'kafkajs';
import { ensureTopics, kafkaClientConfig } from '@dropship/messaging';
import { StatusPublisherConfig } from '../config/publisher-settings';
import { publisherTopics } from './publisher-topics';

/** `main.js migrate`'s preparation: the topics the publisher reads and writes, when missing. */
export async function ensurePublisherTopics(config: StatusPublisherConfig): Promise<string[]> {
  const { commands, orders, results } = publisherTopics(config.publisher.topicPrefix);
  const admin = new Kafka(kafkaClientConfig(config.kafka, `${config.service}-setup`)).admin();
  await admin.connect();
  try {
    return await ensureTopics(admin, [commands, orders, results].map((topic) => ({ topic })), config.topicPartitions);
  } finally {
    await admin.disconnect();
  }
}
