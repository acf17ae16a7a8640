import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLAIM_ORDERS_SQL, RECORD_STATUSES_SQL } from './ledger-statements';
import {
  OrderClaim,
  OrderClaimRequest,
  OrderLedger,
  SourcePartition,
  StatusDecision,
  StatusOutcome,
  StatusReport,
} from './order-ledger';
import { LedgerUnavailableError } from './ledger.errors';

/** An order the claim statement did not claim now: its earlier claim, or nulls when not visible. */
interface EarlierClaimRow {
  order_id: string;
  entry_id: string | null;
  source_topic: string | null;
  source_partition: number | null;
  source_offset: string | null;
}

interface DecisionRow {
  source_offset: string;
  outcome: StatusOutcome;
  received_topic: string | null;
  received_partition: number | null;
  received_offset: string | null;
}

const STATEMENT_TIMEOUT_MS = 15_000;

/** The ledger in the router's Postgres schema; each call is one statement (its own transaction). */
@Injectable()
export class PostgresOrderLedger extends OrderLedger {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async claimOrders(source: SourcePartition, requests: readonly OrderClaimRequest[]): Promise<Map<string, OrderClaim>> {
    if (requests.length === 0) return new Map();
    const rows = await this.run<EarlierClaimRow>(CLAIM_ORDERS_SQL, [
      source.topic,
      source.partition,
      requests.map((request) => request.offset),
      requests.map((request) => request.orderId),
      requests.map((request) => request.entryId),
      requests.map((request) => request.receivedAt),
    ]);
    const notClaimedNow = new Map(rows.map((row) => [row.order_id, earlierClaim(row)]));
    const claims = new Map<string, OrderClaim>();
    for (const { orderId, entryId, offset } of firstRequestPerOrder(requests)) {
      if (!notClaimedNow.has(orderId)) claims.set(orderId, { orderId, entryId, position: { ...source, offset } });
      const earlier = notClaimedNow.get(orderId);
      // A null one was claimed by a concurrent transaction not visible yet: left out, as the port says.
      if (earlier) claims.set(orderId, earlier);
    }
    return claims;
  }

  async recordStatuses(source: SourcePartition, reports: readonly StatusReport[]): Promise<StatusDecision[]> {
    if (reports.length === 0) return [];
    const rows = await this.run<DecisionRow>(RECORD_STATUSES_SQL, [
      source.topic,
      source.partition,
      reports[0]?.offset,
      reports.map((report) => report.offset),
      reports.map((report) => report.orderId),
      reports.map((report) => report.entryId),
      reports.map((report) => report.contentHash),
      reports.map((report) => report.status),
      reports.map((report) => JSON.stringify(report.trackingNumbers)),
      reports.map((report) => JSON.stringify(report.items)),
      reports.map((report) => report.confirmedAt),
    ]);
    return rows.map((row) => ({
      offset: row.source_offset,
      outcome: row.outcome,
      receivedBy:
        row.received_topic === null || row.received_partition === null || row.received_offset === null
          ? null
          : { topic: row.received_topic, partition: row.received_partition, offset: row.received_offset },
    }));
  }

  /**
   * Any database failure here is transient for the router: the batch is retried, never
   * dead-lettered. A statement that hangs (a server that stopped answering without closing the
   * connection) counts as a failure after STATEMENT_TIMEOUT_MS, so the partition backs off and
   * readiness says so; if it completes later, its writes are what the retry writes again anyway.
   */
  private async run<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${STATEMENT_TIMEOUT_MS} ms`)), STATEMENT_TIMEOUT_MS);
    });
    try {
      return (await Promise.race([this.dataSource.query(sql, parameters), timeout])) as T[];
    } catch (error) {
      throw new LedgerUnavailableError(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

function earlierClaim(row: EarlierClaimRow): OrderClaim | null {
  const { order_id: orderId, entry_id: entryId, source_topic: topic, source_partition: partition, source_offset: offset } = row;
  if (entryId === null || topic === null || partition === null || offset === null) return null;
  return { orderId, entryId, position: { topic, partition, offset } };
}

/** Each order's request with the lowest offset: the one the claim statement inserts. */
function firstRequestPerOrder(requests: readonly OrderClaimRequest[]): OrderClaimRequest[] {
  const firsts = new Map<string, OrderClaimRequest>();
  for (const request of requests) {
    const first = firsts.get(request.orderId);
    if (first === undefined || BigInt(request.offset) < BigInt(first.offset)) firsts.set(request.orderId, request);
  }
  return [...firsts.values()];
}
