import { Injectable } from '@nestjs/common';
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
 * records already written when the report was read (the feed-ingestor writes an order before its
 * reports): the report waits until the group has committed every order-created partition up to
 * where it ended then, and no longer, so a report about an order the router never received (one
 * created before the connector ran) costs a short wait, not a stall. (All partitions, so that this
 * holds whatever partitioner wrote the records.) Waiting depends on progress, never on a clock:
 * while order-created cannot progress (Postgres away), the report keeps waiting, in order.
 */
@Injectable()
export class ReceivedGate {
  /** Per status partition: the report it waits at, and the order-created ends it waits for. */
  private readonly holds = new Map<string, { offset: string; until: Map<number, bigint> }>();
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
    const hold = this.holds.get(key);
    const until =
      hold?.offset === report.offset
        ? hold.until
        : new Map([...snapshot.watermarks].map(([partition, marks]) => [partition, marks.high]));
    const behind = [...until].some(([partition, end]) => readUpTo(snapshot, partition) < end);
    if (behind) this.holds.set(key, { offset: report.offset, until });
    return behind;
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

/** How far the group has read a partition: its committed offset, or the start of the log. */
function readUpTo(snapshot: Snapshot, partition: number): bigint {
  const low = snapshot.watermarks.get(partition)?.low ?? 0n;
  const committed = snapshot.committed.get(partition) ?? null;
  return committed === null || committed < low ? low : committed;
}
