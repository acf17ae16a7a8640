import { Kafka, Partitioners, Producer } from 'kafkajs';

/**
 * The baseline: a raw kafkajs consume-transform-produce loop with the router's delivery guarantee
 * and nothing else. The same consumer settings (eachBatch, read_committed, 6 partitions consumed
 * concurrently, the same fetch sizes), and per batch one transaction per input partition (its own
 * transactional id, as the router's) carrying a copy of each record and the consumed offsets.
 * No decoding, no ledger, no normalization. Runs on whichever client it is given (identity-process.ts).
 */
export async function runIdentityLoop(kafka: Kafka, input: string, output: string, groupId: string): Promise<() => Promise<void>> {
  const producers = new Map<number, Producer>();
  const producerFor = async (partition: number): Promise<Producer> => {
    const existing = producers.get(partition);
    if (existing) return existing;
    const producer = kafka.producer({
      transactionalId: `${groupId}-${partition}`,
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    producers.set(partition, producer);
    return producer;
  };
  const consumer = kafka.consumer({ groupId, readUncommitted: false, sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 500 });
  await consumer.connect();
  await consumer.subscribe({ topics: [input], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      const producer = await producerFor(batch.partition);
      const transaction = await producer.transaction();
      const messages = batch.messages.map(({ key, value, headers }) => ({ key, value, headers }));
      await transaction.sendBatch({ topicMessages: [{ topic: output, messages }], acks: -1 });
      const offset = (BigInt(batch.lastOffset()) + 1n).toString();
      await transaction.sendOffsets({ consumerGroupId: groupId, topics: [{ topic: input, partitions: [{ partition: batch.partition, offset }] }] });
      await transaction.commit();
      resolveOffset(batch.lastOffset());
      await heartbeat();
    },
  });
  return async () => {
    await consumer.disconnect();
    await Promise.all([...producers.values()].map((producer) => producer.disconnect()));
  };
}
