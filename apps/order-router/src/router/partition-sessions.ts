import { Logger } from '@nestjs/common';
import { Kafka, Message, Producer } from 'kafkajs';
import { KeyPartitioner, produceRequests } from '@dropship/messaging';
import type { SourcePartition } from '../ledger/order-ledger';
import { GroupOffsets } from './group-offsets';
import { PublishFailedError } from './router.errors';
import { ROUTER_GROUP_ID } from './router-settings';

/**
 * The transactional producer of one input partition, ready for its next batch: `committed` is the
 * group's committed offset for the partition (null when none), read after the producer fenced
 * every earlier owner of the partition.
 *
 * A batch is planned while the previous batch's transaction is still committing (BatchRunner), so
 * the session also knows where that transaction leaves the partition (`position`) and lets a
 * batch wait for it (`settled`). Transactions of a session run one at a time, in offset order.
 */
export interface PartitionSession {
  /** The group's committed offset: advances when a commit of this session succeeds. */
  readonly committed: string | null;
  /** Where the next batch starts: `committed`, or the offset the commit in flight commits. */
  readonly position: string | null;
  /** False once a transaction failed: its outcome is unknown, so the partition must be fenced again. */
  readonly usable: boolean;
  /** Resolves when the commit in flight has ended: true when it (and every earlier one) committed. */
  settled(): Promise<boolean>;
  /** One transaction: the records and the consumed offset (`nextOffset`), or neither. */
  commit(topicMessages: { topic: string; messages: Message[] }[], nextOffset: string): Promise<void>;
}

/**
 * Zombie fencing without KIP-447 (kafkajs has no consumer-generation fencing): each input
 * partition has its own transactional id, `order-router-<topic>-<partition>`, the same in every
 * replica. A replica that (re)gains a partition first creates a producer with that id, whose
 * InitProducerId bumps the epoch: the broker aborts any transaction the previous owner left open
 * and completes one it was committing, and from then on refuses that owner's writes and commits
 * (a stalled replica that wakes up cannot commit a duplicate). Only then does it read the group's
 * committed offset, which therefore includes everything the previous owner committed, and skips
 * records below it. The same happens after any failed transaction, whose outcome is unknown.
 * (Provided by a factory in RouterModule: its Kafka client is transactionalKafka().)
 */
export class PartitionSessions {
  private readonly sessions = new Map<string, TransactionalSession>();

  constructor(
    private readonly kafka: Kafka,
    private readonly offsets: GroupOffsets,
  ) {}

  /** The partition's session, fenced and with the committed offset read, creating it when needed. */
  async open(source: SourcePartition): Promise<PartitionSession> {
    const key = keyOf(source);
    const existing = this.sessions.get(key);
    if (existing?.usable) return existing;
    if (existing) {
      this.sessions.delete(key);
      // Its commit in flight ends first: fencing it from here would only fail it and read it again.
      await existing.close();
    }
    const session = await TransactionalSession.start(this.kafka, this.offsets, source);
    this.sessions.set(key, session);
    return session;
  }

  /** After a failure: the next batch of the partition starts with a fresh, fencing session. */
  invalidate(source: SourcePartition): void {
    const session = this.sessions.get(keyOf(source));
    if (session) session.usable = false;
  }

  /**
   * After every group join. Another replica may have owned any partition in between (even one
   * this replica still holds, if it was expelled and rejoined), so every session is renewed.
   */
  onAssignment(assignment: Record<string, number[]>): void {
    const assigned = new Set(Object.entries(assignment).flatMap(([topic, partitions]) => partitions.map((p) => `${topic}|${p}`)));
    for (const [key, session] of this.sessions) {
      session.usable = false;
      if (!assigned.has(key)) {
        this.sessions.delete(key);
        void session.close();
      }
    }
  }

  async closeAll(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(sessions.map((session) => session.close()));
  }
}

const sessionLogger = new Logger(PartitionSessions.name);

class TransactionalSession implements PartitionSession {
  usable = true;
  position: string | null;
  private inFlight: Promise<boolean> = Promise.resolve(true);

  private constructor(
    private readonly producer: Producer,
    private readonly source: SourcePartition,
    public committed: string | null,
  ) {
    this.position = committed;
  }

  static async start(kafka: Kafka, offsets: GroupOffsets, source: SourcePartition): Promise<TransactionalSession> {
    const producer = kafka.producer({
      transactionalId: `${ROUTER_GROUP_ID}-${source.topic}-${source.partition}`,
      idempotent: true,
      maxInFlightRequests: 1,
      // Java-compatible murmur2 on the order id: the same partition as any other client would pick.
      createPartitioner: KeyPartitioner,
    });
    try {
      await producer.connect();
      // kafkajs sends InitProducerId on the first transaction: an empty one fences and ends at once.
      const fence = await producer.transaction();
      await fence.abort();
      const committed = await offsets.committedOffset(source.topic, source.partition);
      // Where this owner starts: with the fetch position's log line, what tells a re-read batch apart.
      sessionLogger.log({ msg: 'partition session fenced', ...source, committed: committed === null ? null : committed.toString() });
      return new TransactionalSession(producer, source, committed === null ? null : committed.toString());
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw new PublishFailedError('fencing', error);
    }
  }

  settled(): Promise<boolean> {
    return this.inFlight;
  }

  commit(topicMessages: { topic: string; messages: Message[] }[], nextOffset: string): Promise<void> {
    const previous = this.inFlight;
    this.position = nextOffset;
    const done = previous.then((committed) => {
      if (!committed || !this.usable) throw new PublishFailedError('begin', new Error('an earlier transaction of this session failed'));
      return this.transact(topicMessages, nextOffset);
    });
    this.inFlight = done.then(
      () => true,
      () => false,
    );
    return done;
  }

  private async transact(topicMessages: { topic: string; messages: Message[] }[], nextOffset: string): Promise<void> {
    const transaction = await this.step('begin', () => this.producer.transaction());
    try {
      for (const chunk of produceRequests(topicMessages)) {
        await this.step('send', () => transaction.sendBatch({ topicMessages: chunk, acks: -1 }));
      }
      const offsets = [{ topic: this.source.topic, partitions: [{ partition: this.source.partition, offset: nextOffset }] }];
      await this.step('offsets', () => transaction.sendOffsets({ consumerGroupId: ROUTER_GROUP_ID, topics: offsets }));
      await this.step('commit', () => transaction.commit());
      this.committed = nextOffset;
    } catch (error) {
      this.usable = false;
      await transaction.abort().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.usable = false;
    await this.inFlight;
    await this.producer.disconnect().catch(() => undefined);
  }

  private async step<T>(name: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw error instanceof PublishFailedError ? error : new PublishFailedError(name, error);
    }
  }
}

function keyOf(source: SourcePartition): string {
  return `${source.topic}|${source.partition}`;
}
