import { Admin, Consumer, EachMessagePayload, Kafka, logLevel } from 'kafkajs';
import { testBrokers } from './test-environment';
import { uniqueName } from './unique-names';
import { waitFor } from './wait-for';

/** A kafkajs client for tests with a unique client id and quiet logs. */
export function testKafka(clientPrefix = 'test'): Kafka {
  return new Kafka({ clientId: uniqueName(clientPrefix), brokers: testBrokers(), logLevel: logLevel.NOTHING });
}

/** Creates the topics (idempotent) and waits until their metadata is served with leaders. */
export async function createTopics(kafka: Kafka, topics: string[], numPartitions = 1): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
}

export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Subscribes a fresh consumer group from the beginning and collects every record into the
 * returned array as it arrives; `readUncommitted: false` is kafkajs's read_committed.
 */
export async function collectRecords(
  kafka: Kafka,
  topics: string[],
  options: { readCommitted?: boolean; groupId?: string } = {},
): Promise<{ records: ConsumedRecord[]; consumer: Consumer }> {
  const consumer = kafka.consumer({
    groupId: options.groupId ?? uniqueName('test-group'),
    readUncommitted: options.readCommitted === false,
  });
  const records: ConsumedRecord[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({ eachMessage: async (payload) => void records.push(toRecord(payload)) });
  return { records, consumer };
}

function toRecord({ topic, partition, message }: EachMessagePayload): ConsumedRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = value.toString();
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? null,
    headers,
  };
}

/**
 * Moves consumer groups to the end of their topics (group id → topics), waiting until each group
 * has no members (a process killed by an earlier test stays a member until its session times out).
 * Runs of the whole system share the contract's topics and groups with earlier tests and benches:
 * without this, services would first work through those runs' records.
 */
export async function moveGroupsToEnd(kafka: Kafka, groups: Record<string, readonly string[]>, timeoutMs = 60_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      async () => {
        for (const [groupId, topics] of Object.entries(groups)) {
          for (const topic of topics) {
            const partitions = (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ partition, offset: high }));
            await admin.setOffsets({ groupId, topic, partitions });
          }
        }
        return true;
      },
      { timeoutMs, intervalMs: 500, description: `consumer groups ${Object.keys(groups).join(', ')} to be empty` },
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Commits `groupId`'s offsets at the given positions before it has members, so that its consumer
 * starts there: reading from the beginning of a long-lived broker's contract topics and skipping
 * takes many seconds, and a seek is lost if the consumer's first join fails and restarts (a fresh
 * broker's coordinator may still be loading, hence the retries).
 */
export async function startGroupAt(
  admin: Admin,
  groupId: string,
  positions: readonly { topic: string; partition: number; offset: bigint | number | string }[],
  timeoutMs = 30_000,
): Promise<void> {
  const byTopic = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of positions) {
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, offset: offset.toString() }]);
  }
  await waitFor(
    async () => {
      for (const [topic, partitions] of byTopic) await admin.setOffsets({ groupId, topic, partitions });
      return true;
    },
    { timeoutMs, intervalMs: 500, description: `consumer group ${groupId} to start at the given offsets` },
  );
}
