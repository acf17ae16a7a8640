import { TOPICS } from '@dropship/messaging';
import { waitFor } from '@dropship/testing';
import { Kafka } from 'kafkajs';
import { RecordToCheck } from './asyncapi-records';

/** The connector writes these; the status-commands topic is the warehouse's (its deliberate bad command included). */
function isConnectorOutput(topic: string): boolean {
  return (topic.startsWith('dropship.') || topic.startsWith('iqmetrix.dropship.')) && topic !== TOPICS.statusCommands;
}

/**
 * Every committed record the connector wrote about the run's orders (key = order id), on every
 * topic it writes, read from the beginning to the ends the topics have now.
 */
export async function readRunRecords(kafka: Kafka, orderIds: ReadonlySet<string>, groupId: string): Promise<RecordToCheck[]> {
  const admin = kafka.admin();
  await admin.connect();
  const consumer = kafka.consumer({ groupId, readUncommitted: false, maxWaitTimeInMs: 200 });
  try {
    const topics = (await admin.listTopics()).filter(isConnectorOutput);
    const ends = new Map<string, bigint>();
    for (const topic of topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}|${partition}`, BigInt(high));
    }
    const reached = new Map<string, bigint>();
    const records: RecordToCheck[] = [];
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => reached.set(`${payload.topic}|${payload.partition}`, BigInt(payload.lastOffset) + 1n));
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const key = message.key?.toString();
        if (key === undefined || !orderIds.has(key)) return;
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
        records.push({ topic, headers, value: message.value?.toString() ?? null });
      },
    });
    await waitFor(() => [...ends].every(([position, end]) => end === 0n || (reached.get(position) ?? 0n) >= end), {
      timeoutMs: 120_000,
      intervalMs: 200,
      description: 'every connector topic read to its end',
    });
    return records;
  } finally {
    await Promise.allSettled([consumer.disconnect(), admin.disconnect()]);
  }
}
