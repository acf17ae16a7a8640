/** A partition of an input topic. */
export interface SourcePartition {
  topic: string;
  partition: number;
}

/** Where a record was read: Kafka offsets are decimal strings (they exceed 2^53). */
export interface SourcePosition extends SourcePartition {
  offset: string;
}

/** An order-created record that asks to claim its order. */
export interface OrderClaimRequest {
  offset: string;
  orderId: string;
  entryId: string;
  receivedAt: string;
}

/** Which record claimed an order: the one whose `dropship.order.received` is the order's only one. */
export interface OrderClaim {
  orderId: string;
  entryId: string;
  position: SourcePosition;
}

/** An order-status-updated record, normalized. */
export interface StatusReport {
  offset: string;
  orderId: string;
  entryId: string;
  /** Hash of what the entry reports (see NormalizedStatus.fingerprint). */
  contentHash: string;
  status: string | null;
  trackingNumbers: string[];
  items: unknown[];
  confirmedAt: string;
}

/** `confirmed`: publish; `unchanged`: same as the order's previous report; `duplicate`: entry seen before. */
export type StatusOutcome = 'confirmed' | 'unchanged' | 'duplicate';

export interface StatusDecision {
  offset: string;
  outcome: StatusOutcome;
  /** The record that claimed the report's order, or null when the order is not (yet) in the ledger. */
  receivedBy: SourcePosition | null;
}

/**
 * The processed-order ledger (port). One call per batch, one database round trip each.
 *
 * Both calls are safe to repeat for the same records: the Kafka transaction that publishes a
 * batch may abort after the ledger committed, and the batch is then read again. Decisions are a
 * function of the input records in offset order, never of what an aborted attempt wrote ahead.
 */
export abstract class OrderLedger {
  /**
   * Claims each order for the first of the records that names it. Returns, per order id of the
   * batch, the record that holds the claim (this batch's, or an earlier one); an order missing from
   * the answer was claimed concurrently by a transaction not yet visible, and must be retried.
   */
  abstract claimOrders(source: SourcePartition, requests: readonly OrderClaimRequest[]): Promise<Map<string, OrderClaim>>;

  /**
   * Records status reports (in offset order, all from `source`) and decides for each whether it
   * is confirmed, unchanged or a duplicate entry; also updates each order's known status.
   */
  abstract recordStatuses(source: SourcePartition, reports: readonly StatusReport[]): Promise<StatusDecision[]>;
}
