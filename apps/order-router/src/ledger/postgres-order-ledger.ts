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

interface ClaimRow {
  order_id: string;
  entry_id: string;
  source_topic: string;
  source_partition: number;
  source_offset: string;
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
    const rows = await this.run<ClaimRow>(CLAIM_ORDERS_SQL, [
      source.topic,
      source.partition,
      requests.map((request) => request.offset),
      requests.map((request) => request.orderId),
      requests.map((request) => request.entryId),
      requests.map((request) => request.receivedAt),
    ]);
    return new Map(
      rows.map((row) => [
        row.order_id,
        {
          orderId: row.order_id,
          entryId: row.entry_id,
          position: { topic: row.source_topic, partition: row.source_partition, offset: row.source_offset },
        },
      ]),
    );
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
