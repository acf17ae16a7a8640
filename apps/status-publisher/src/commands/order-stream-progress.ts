import type { Admin } from 'kafkajs';

/** Where the orders topic ends, and how far the publisher's group has read it, per partition. */
export interface OrderStreamOffsets {
  read(): Promise<{ ends: Map<number, bigint>; readUpTo: Map<number, bigint> }>;
}

/**
 * Answers "up to which moment has every record of dropship.orders.v1 been read?". A command held
 * for an order that has not arrived may only be rejected as "unknown order" when its wait ended
 * before that moment: had the order been on the topic by then, it would have been read. So a
 * publisher that lags behind on the orders topic (after an outage, under a burst) does not reject
 * commands whose orders are still unread; the wait is measured in progress, the clock only bounds it.
 *
 * Each call compares the group's progress with a snapshot of the topic's ends (taken with the
 * database clock, as hold deadlines are); once reached, the snapshot's time is the answer and a new
 * snapshot is taken on the next call.
 */
export class OrderStreamProgress {
  private pending?: { takenAt: Date; ends: Map<number, bigint> };
  private readThrough?: Date;

  constructor(
    private readonly offsets: OrderStreamOffsets,
    private readonly databaseNow: () => Promise<Date>,
  ) {}

  /** The latest known moment up to which the orders topic is read, or undefined if none yet. */
  async readUntil(): Promise<Date | undefined> {
    // The time first: every record on the topic before it lies below the ends read after it.
    const takenAt = this.pending?.takenAt ?? (await this.databaseNow());
    const { ends, readUpTo } = await this.offsets.read();
    const pending = this.pending ?? { takenAt, ends };
    if ([...pending.ends].every(([partition, end]) => (readUpTo.get(partition) ?? 0n) >= end)) {
      this.readThrough = pending.takenAt;
      this.pending = undefined;
    } else {
      this.pending = pending;
    }
    return this.readThrough;
  }
}

/** The offsets of `topic` for `groupId`, from the Kafka admin API. */
export function kafkaOrderStreamOffsets(admin: Admin, topic: string, groupId: string): OrderStreamOffsets {
  return {
    read: async () => {
      // connect() is a no-op once connected (the readiness probe may not have connected it yet).
      await admin.connect();
      const [marks, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
      const byPartition = new Map((committed?.partitions ?? []).map(({ partition, offset }) => [partition, BigInt(offset)]));
      const ends = new Map(marks.map(({ partition, high }) => [partition, BigInt(high)]));
      // No commit yet (-1), or one below the log start (retention): read up to the log start.
      const readUpTo = new Map(
        marks.map(({ partition, low }) => {
          const offset = byPartition.get(partition) ?? -1n;
          return [partition, offset < BigInt(low) ? BigInt(low) : offset];
        }),
      );
      return { ends, readUpTo };
    },
  };
}
