import { Injectable } from '@nestjs/common';
import { PartitionMetadata, Partitioners } from 'kafkajs';
import { TOPICS } from '@dropship/messaging';
import type { SourcePartition, SourcePosition } from '../ledger/order-ledger';
import { GroupOffsets, PartitionWatermarks } from './group-offsets';

/** How old the broker's offsets may be when they are asked whether a claim is committed. */
const SNAPSHOT_MAX_AGE_MS = 200;

/** The report a batch may stop at. */
export interface HeldReport {
  source: SourcePartition;
  offset: string;
  orderId: string;
}

interface Snapshot {
  at: number;
  committed: Map<number, bigint | null>;
  watermarks: Map<number, PartitionWatermarks>;
}

/**
 * Keeps each order's events in order across the two input topics. The router reads order-created
 * and order-status-updated in parallel, so a status report could overtake the order it reports on
 * (after a restart with a backlog on both topics, say). A confirmed report therefore waits until
 * its order's `dropship.order.received` is committed: the ledger names the record that claimed the
 * order, and the group's committed offset on order-created must be past it.
 *
 * When the ledger does not know the order, the order's record can only be among the order-created
 * records already on the order's partition when the report was read (the feed-ingestor writes an
 * order before its reports): the report waits until the group has committed up to that end, and
 * no longer, so a report about an order the router never received (one created before the
 * connector ran) costs a short wait, not a stall. Waiting depends on progress, never on a clock:
 * while order-created cannot progress (Postgres away), the report keeps waiting, in order.
 */
@Injectable()
export class ReceivedGate {
  private readonly partitioner = Partitioners.DefaultPartitioner();
  /** Per status partition: the report it waits at, and the order-created end it waits for. */
  private readonly holds = new Map<string, { offset: string; until: bigint }>();
  private snapshot?: Snapshot;
  private refreshing?: { at: number; snapshot: Promise<Snapshot> };
  /** Milliseconds on a monotonic clock (replaceable in tests). */
  now: () => number = () => performance.now();

  constructor(private readonly offsets: GroupOffsets) {}

  /** Records a commit of this replica on order-created, so the gate need not ask the broker. */
  noteCommitted(partition: number, nextOffset: string): void {
    const known = this.snapshot?.committed.get(partition);
    if (this.snapshot && (known === undefined || known === null || known < BigInt(nextOffset))) {
      this.snapshot.committed.set(partition, BigInt(nextOffset));
    }
  }

  /**
   * True when the report must wait for its order's `received` to be committed. `readSince` is
   * when its batch was read (before the ledger was asked about the order).
   */
  async mustWait(report: HeldReport, receivedBy: SourcePosition | null, readSince: number): Promise<boolean> {
    const key = `${report.source.topic}|${report.source.partition}`;
    const waiting =
      receivedBy === null ? await this.orderMayStillCome(key, report, readSince) : !(await this.claimCommitted(receivedBy));
    if (!waiting) this.holds.delete(key);
    return waiting;
  }

  /** A committed offset only grows: a snapshot that shows the claim committed is right whatever its age. */
  private async claimCommitted(claim: SourcePosition): Promise<boolean> {
    const isCommitted = (snapshot: Snapshot): boolean =>
      (snapshot.committed.get(claim.partition) ?? -1n) > BigInt(claim.offset);
    if (this.snapshot && isCommitted(this.snapshot)) return true;
    return isCommitted(await this.snapshotSince(this.now() - SNAPSHOT_MAX_AGE_MS));
  }

  /** "Nothing left to read" must come from offsets asked for after the report was read. */
  private async orderMayStillCome(key: string, report: HeldReport, readSince: number): Promise<boolean> {
    const snapshot = await this.snapshotSince(readSince);
    const partition = this.createdPartitionOf(report.orderId, snapshot.watermarks.size);
    const marks = snapshot.watermarks.get(partition);
    if (!marks) return false;
    const hold = this.holds.get(key);
    const until = hold?.offset === report.offset ? hold.until : marks.high;
    const committed = snapshot.committed.get(partition) ?? null;
    const readUpTo = committed === null || committed < marks.low ? marks.low : committed;
    if (readUpTo >= until) return false;
    this.holds.set(key, { offset: report.offset, until });
    return true;
  }

  /** The order-created partition of the order: the producers' default partitioner on the order id key. */
  private createdPartitionOf(orderId: string, partitions: number): number {
    const partitionMetadata = Array.from(
      { length: partitions },
      (_, partitionId): PartitionMetadata => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }),
    );
    return this.partitioner({ topic: TOPICS.orderCreated, partitionMetadata, message: { key: orderId, value: null } });
  }

  /** Offsets asked for after `notBefore`; concurrent callers share one request. */
  private snapshotSince(notBefore: number): Promise<Snapshot> {
    if (this.snapshot && this.snapshot.at > notBefore) return Promise.resolve(this.snapshot);
    const pending = this.refreshing;
    if (pending && pending.at > notBefore) return pending.snapshot;
    const at = this.now();
    const snapshot = (async () => {
      const [committed, watermarks] = await Promise.all([
        this.offsets.committed(TOPICS.orderCreated),
        this.offsets.watermarks(TOPICS.orderCreated),
      ]);
      const fresh = { at, committed, watermarks };
      if (!this.snapshot || this.snapshot.at <= at) this.snapshot = fresh;
      return fresh;
    })().finally(() => {
      if (this.refreshing?.snapshot === snapshot) this.refreshing = undefined;
    });
    this.refreshing = { at, snapshot };
    return snapshot;
  }
}
