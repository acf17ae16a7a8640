// Test-only: imported by the router's *.int-spec.ts files alone.
// eslint-disable-next-line no-restricted-imports
import { createTopics, startGroupAt, uniqueName, waitFor } from '@dropship/testing';
import type { Consumer, Kafka } from 'kafkajs';
import type { ReadEvent } from './router-fixtures';
import { PARTITIONS, topicEnds } from './router-harness';

/**
 * Reads `topics` as a read_committed subscriber would, from their current end (so only what is
 * produced from now on), keeping the records whose key is one of `keys`.
 */
export class OutputWatcher {
  readonly records: ReadEvent[] = [];
  /** Per topic|partition, the next offset this watcher will read (control records included). */
  private readonly positions = new Map<string, bigint>();
  /** topic|partition|offset of each record kept: see keep(). */
  private readonly seen = new Set<string>();

  private constructor(
    private readonly consumer: Consumer,
    private readonly keys: ReadonlySet<string>,
  ) {
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      this.positions.set(`${payload.topic}|${payload.partition}`, BigInt(payload.lastOffset) + 1n);
    });
  }

  static async start(kafka: Kafka, topics: string[], keys: ReadonlySet<string>): Promise<OutputWatcher> {
    await createTopics(kafka, topics, PARTITIONS);
    const admin = kafka.admin();
    await admin.connect();
    const groupId = uniqueName('router-watcher');
    const endsOf = async (topic: string) => (await topicEnds(admin, topic)).map(({ partition, high }) => ({ topic, partition, offset: BigInt(high) }));
    const ends = (await Promise.all(topics.map(endsOf))).flat();
    await startGroupAt(admin, groupId, ends).finally(() => admin.disconnect());
    const consumer = kafka.consumer({ groupId, readUncommitted: false, maxWaitTimeInMs: 200 });
    const watcher = new OutputWatcher(consumer, keys);
    await consumer.connect();
    const starts = new Map(ends.map(({ topic, partition, offset }) => [`${topic}|${partition}`, offset]));
    for (const [position, start] of starts) watcher.positions.set(position, start);
    // The group starts at the ends (startGroupAt); anything before them is skipped all the same.
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        if (BigInt(message.offset) >= (starts.get(`${topic}|${partition}`) ?? 0n)) watcher.keep(topic, partition, message);
      },
    });
    return watcher;
  }

  /** Waits until this watcher has read everything its topics hold now (so no record is still coming). */
  async waitCaughtUp(kafka: Kafka, topics: string[]): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const ends = await Promise.all(topics.map(async (topic) => ({ topic, offsets: await topicEnds(admin, topic) })));
      await waitFor(
        () =>
          ends.every(({ topic, offsets }) =>
            offsets.every(({ partition, high }) => (this.positions.get(`${topic}|${partition}`) ?? -1n) >= BigInt(high)),
          ),
        { timeoutMs: 30_000, intervalMs: 100, description: 'the watcher to read to the end of its topics' },
      );
    } finally {
      await admin.disconnect();
    }
  }

  on(topic: string): ReadEvent[] {
    return this.records.filter((record) => record.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  /**
   * A record at a position already kept is this watcher reading it again (its group rebalanced or
   * restarted on a loaded broker and went back to its last auto-commit), not a second publish: a
   * republished event is a new record at a new offset, and that is what the tests must count.
   */
  private keep(topic: string, partition: number, message: Parameters<typeof toReadEvent>[2]): void {
    const key = message.key?.toString() ?? null;
    if (key === null || !this.keys.has(key)) return;
    const position = `${topic}|${partition}|${message.offset}`;
    if (this.seen.has(position)) return;
    this.seen.add(position);
    this.records.push(toReadEvent(topic, partition, message));
  }
}

function toReadEvent(
  topic: string,
  partition: number,
  message: { offset: string; key: Buffer | null; value: Buffer | null; headers?: Record<string, unknown> },
): ReadEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) if (value !== undefined) headers[name] = String(value);
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    headers,
    event: JSON.parse(message.value?.toString() ?? 'null') as ReadEvent['event'],
  };
}
