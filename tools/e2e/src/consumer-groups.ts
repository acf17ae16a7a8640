import { TOPICS } from '@dropship/messaging';
import { waitFor } from '@dropship/testing';
import { Kafka } from 'kafkajs';

/** The connector's consumer groups (fixed by the contract) and the topics each reads. */
const GROUPS: Record<string, string[]> = {
  'order-router': [TOPICS.orderCreated, TOPICS.orderStatusUpdated],
  'status-publisher': [TOPICS.orders, TOPICS.statusCommands],
};

/**
 * Moves the connector's groups to the end of their topics. The run shares the broker's contract
 * topics with earlier tests; without this, the services would first work through those tests'
 * records (orders this run's sandbox has never heard of). Possible only while a group has no
 * members: a replica killed by an earlier test stays a member until its session times out.
 */
export async function startGroupsAtTheEnd(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      async () => {
        for (const [groupId, topics] of Object.entries(GROUPS)) {
          for (const topic of topics) {
            const partitions = (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ partition, offset: high }));
            await admin.setOffsets({ groupId, topic, partitions });
          }
        }
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: "the connector's consumer groups to be empty" },
    );
  } finally {
    await admin.disconnect();
  }
}
