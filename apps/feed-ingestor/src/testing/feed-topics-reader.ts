// Test-only: reads what the ingestor wrote, for the *.int-spec.ts files (which alone import this).
// eslint-disable-next-line no-restricted-imports
import { startGroupAt, uniqueName, waitFor } from '@dropship/testing';
import { ensureTopics, topicsOf } from '@dropship/messaging';
import type { Admin, Consumer, Kafka } from 'kafkajs';

export const FEED_TOPICS = topicsOf('feed-ingestor');

/** A record as read back, its value parsed (every record the ingestor writes is a JSON CloudEvent). */
export interface FeedRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  headers: Record<string, string>;
  event: {
    id: string;
    type: string;
    subject: string;
    time: string;
    source: string;
    traceparent?: string;
    data: Record<string, unknown>;
  };
}

/**
 * Reads the ingestor's three topics from their ends at start. The contract fixes the topic names,
 * so other tests on the broker write them too: callers pick their own records by order or entry id.
 */
export class FeedTopicsReader {
  readonly records: FeedRecord[] = [];
  private readonly next = new Map<string, number>();

  private constructor(
    private readonly admin: Admin,
    private readonly consumer: Consumer,
    private readonly start: Map<string, number>,
  ) {}

  static async start(kafka: Kafka, partitions = 6): Promise<FeedTopicsReader> {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, FEED_TOPICS.map((topic) => ({ topic })), partitions);
    const start = await endOffsets(admin);
    const groupId = uniqueName('feed-ingestor-test');
    const positions = [...start].map(([position, offset]) => {
      const [topic = '', partition = '0'] = position.split(':');
      return { topic, partition: Number(partition), offset };
    });
    await startGroupAt(admin, groupId, positions);
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    const reader = new FeedTopicsReader(admin, consumer, start);
    await consumer.connect();
    // The group starts at the ends (startGroupAt); anything before them is skipped all the same.
    await consumer.subscribe({ topics: FEED_TOPICS, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        if (Number(message.offset) < (start.get(`${topic}:${partition}`) ?? 0)) return;
        reader.next.set(`${topic}:${partition}`, Number(message.offset) + 1);
        reader.records.push({
          topic,
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? null,
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
          event: JSON.parse(message.value?.toString() ?? 'null') as FeedRecord['event'],
        });
      },
    });
    return reader;
  }

  /** Records about the given orders (by key), or dead letters of the given entries. */
  about(orderIds: ReadonlySet<string>, entryIds: ReadonlySet<string> = new Set()): FeedRecord[] {
    return this.records.filter((record) => {
      if (record.key !== null && orderIds.has(record.key)) return true;
      const source = record.event.data['source'] as { entryId?: string } | undefined;
      return source?.entryId !== undefined && entryIds.has(source.entryId);
    });
  }

  /** Waits until everything on the topics now has been read. */
  async drain(timeoutMs = 30_000): Promise<void> {
    const ends = await endOffsets(this.admin);
    await waitFor(
      () => [...ends].every(([position, end]) => (this.next.get(position) ?? this.start.get(position) ?? 0) >= end),
      { timeoutMs, intervalMs: 50, description: 'the feed topics to be read to their ends' },
    );
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.admin.disconnect();
  }
}

async function endOffsets(admin: Admin): Promise<Map<string, number>> {
  const ends = new Map<string, number>();
  for (const topic of FEED_TOPICS) {
    for (const { partition, high } of await topicOffsets(admin, topic)) ends.set(`${topic}:${partition}`, Number(high));
  }
  return ends;
}

/**
 * The topic's offsets, asked again while its partitions' leadership settles: a topic created just
 * before (or a broker that just restarted) answers NOT_LEADER_FOR_PARTITION for a moment, and
 * kafkajs's admin does not retry that for fetchTopicOffsets.
 */
async function topicOffsets(admin: Admin, topic: string): Promise<{ partition: number; high: string }[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      const type = (error as { type?: string }).type;
      if (attempt >= 20 || (type !== 'NOT_LEADER_FOR_PARTITION' && type !== 'LEADER_NOT_AVAILABLE')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
