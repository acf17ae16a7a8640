import { StatusCommandData } from '@dropship/messaging';
import { Queryable } from '../database/publisher-db';
import { TABLES } from '../database/tables';

/** A command waiting for its order's dropship.order.received. */
export interface HeldCommand {
  command: StatusCommandData;
  traceparent: string | null;
}

/**
 * Commands that arrived before their order. The orders topic and the commands topic are read
 * independently, so a command sent right after the router announced an order can overtake it here;
 * such a command waits (in arrival order) until the order arrives or the wait runs out.
 */
export class HeldCommandsRepository {
  async hold(tx: Queryable, held: HeldCommand, waitMs: number): Promise<void> {
    await tx.execute(
      `INSERT INTO ${TABLES.held} (command_id, order_id, command, traceparent, hold_until)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5::float8 / 1000))`,
      [held.command.commandId, held.command.orderId, JSON.stringify(held.command), held.traceparent, waitMs],
    );
  }

  /** Takes (locks and removes) every held command of an order, oldest first. */
  async takeAll(tx: Queryable, orderId: string): Promise<HeldCommand[]> {
    const rows = await tx.query<HeldRow>(
      `DELETE FROM ${TABLES.held} WHERE command_id IN (
         SELECT command_id FROM ${TABLES.held} WHERE order_id = $1 FOR UPDATE
       ) RETURNING command, traceparent, seq::text AS seq`,
      [orderId],
    );
    return sortBySeq(rows);
  }

  /**
   * Takes the held commands of an order whose wait ended by `readUntil` (the order still unknown):
   * the moment up to which the orders topic has been read (see OrderStreamProgress).
   */
  async takeExpired(tx: Queryable, orderId: string, readUntil: Date): Promise<HeldCommand[]> {
    const rows = await tx.query<HeldRow>(
      `DELETE FROM ${TABLES.held} WHERE command_id IN (
         SELECT command_id FROM ${TABLES.held} WHERE order_id = $1 AND hold_until <= $2 FOR UPDATE SKIP LOCKED
       ) RETURNING command, traceparent, seq::text AS seq`,
      [orderId, readUntil],
    );
    return sortBySeq(rows);
  }

  /**
   * Orders with held commands that can be settled now: the order has arrived, or the wait ended by
   * `readUntil` (undefined: the orders topic's progress is not known, so no wait counts as over).
   */
  async settleableOrders(db: Queryable, limit: number, readUntil: Date | undefined): Promise<string[]> {
    const rows = await db.query<{ orderId: string }>(
      `SELECT DISTINCT h.order_id AS "orderId" FROM ${TABLES.held} h
       WHERE ($2::timestamptz IS NOT NULL AND h.hold_until <= $2::timestamptz)
          OR EXISTS (SELECT 1 FROM ${TABLES.orders} o WHERE o.order_id = h.order_id)
       LIMIT $1`,
      [limit, readUntil ?? null],
    );
    return rows.map((row) => row.orderId);
  }
}

type HeldRow = HeldCommand & { seq: string };

// DELETE … RETURNING has no ORDER BY: arrival order is restored here.
function sortBySeq(rows: HeldRow[]): HeldCommand[] {
  return [...rows]
    .sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1))
    .map(({ command, traceparent }) => ({ command, traceparent }));
}
