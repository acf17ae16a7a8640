import type { OrderState } from '@dropship/domain';
import { Queryable } from '../database/publisher-db';
import { TABLES } from '../database/tables';

/** The counters mergeConfirmation needs beside the state. */
export interface ConfirmationCounters {
  putsDelivered: number;
  confirmationsSeen: number;
  unfinishedPuts: number;
}

/**
 * The order view: one row per received order holding the domain's OrderState (statuses, items,
 * every tracking number). Callers lock the row for the length of their transaction, which
 * serializes everything that changes one order across replicas.
 */
export class OrderViewRepository {
  /**
   * The order's state, locked until the transaction ends, and whether commands wait for it
   * (HeldCommandsRepository); undefined for an order never received.
   */
  async lockWithHeld(tx: Queryable, orderId: string): Promise<{ state: OrderState; hasHeld: boolean } | undefined> {
    const [row] = await tx.query<{ state: OrderState; hasHeld: boolean }>(
      `SELECT state, EXISTS (SELECT 1 FROM ${TABLES.held} WHERE order_id = $1) AS "hasHeld"
       FROM ${TABLES.orders} WHERE order_id = $1 FOR UPDATE`,
      [orderId],
    );
    return row;
  }

  /**
   * Serializes the transactions that receive an order and hold a command for it (a transaction
   * lock on the order id, the order row may not exist yet). Without it the two could commit side by
   * side, each not seeing the other, leaving the command held until the sweeper's next round.
   */
  async lockOrderId(tx: Queryable, orderId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('dropship-order:' || $1, 0))`, [orderId]);
  }

  /** The order's state, locked until the transaction ends; undefined for an order never received. */
  async lock(tx: Queryable, orderId: string): Promise<OrderState | undefined> {
    const [row] = await tx.query<{ state: OrderState }>(
      `SELECT state FROM ${TABLES.orders} WHERE order_id = $1 FOR UPDATE`,
      [orderId],
    );
    return row?.state;
  }

  /** Inserts a newly received order; false when it was received before (the event is a repeat). */
  async insertIfNew(tx: Queryable, state: OrderState, entryId: string): Promise<boolean> {
    const inserted = await tx.execute(
      `INSERT INTO ${TABLES.orders} (order_id, state, received_entry_id) VALUES ($1, $2, $3)
       ON CONFLICT (order_id) DO NOTHING`,
      [state.orderId, JSON.stringify(state), entryId],
    );
    return inserted > 0;
  }

  async save(tx: Queryable, state: OrderState): Promise<void> {
    await tx.execute(`UPDATE ${TABLES.orders} SET state = $2, updated_at = now() WHERE order_id = $1`, [
      state.orderId,
      JSON.stringify(state),
    ]);
  }

  /** Counters of a locked order, for deciding whether a confirmation may set statuses. */
  async confirmationCounters(tx: Queryable, orderId: string): Promise<ConfirmationCounters> {
    const [row] = await tx.query<ConfirmationCounters>(
      `SELECT puts_delivered AS "putsDelivered", confirmations_seen AS "confirmationsSeen",
         (SELECT count(*)::int FROM ${TABLES.outbox} WHERE order_id = $1 AND state = 'pending') AS "unfinishedPuts"
       FROM ${TABLES.orders} WHERE order_id = $1`,
      [orderId],
    );
    return row;
  }

  /** Records a confirmation: the merged state, one more confirmation seen, and what it said. */
  async saveConfirmation(tx: Queryable, state: OrderState, confirmed: unknown): Promise<void> {
    await tx.execute(
      `UPDATE ${TABLES.orders} SET state = $2, confirmations_seen = confirmations_seen + 1, confirmed = $3,
         updated_at = now() WHERE order_id = $1`,
      [state.orderId, JSON.stringify(state), JSON.stringify(confirmed)],
    );
  }

  /** Remembers a confirmation's entry id; false when it was applied before (at-least-once input). */
  async firstSightOfConfirmation(tx: Queryable, entryId: string, orderId: string): Promise<boolean> {
    const inserted = await tx.execute(
      `INSERT INTO ${TABLES.confirmations} (entry_id, order_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [entryId, orderId],
    );
    return inserted > 0;
  }
}
