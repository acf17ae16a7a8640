import { Queryable } from '../database/publisher-db';
import { CHANNELS, TABLES } from '../database/tables';
import { outboxColumns, OutboxRow, OutboxState } from '../outbox/outbox.types';

export type ListableState = Exclude<OutboxState, 'delivered'>;

export interface ListQuery {
  state: ListableState;
  limit: number;
  orderId?: string;
}

const O = TABLES.outbox;

/*
 * Requeueing a failed or parked row appends it to the back of its order's queue (a new seq): it is
 * sent after everything already queued for that order and never beside a row in flight. Its body
 * is the one decided at the time, so requeueing after later rows of the order were delivered can
 * set iQmetrix back to an older status: that is the operator's call. A pending row that is merely
 * waiting for a retry is made due now and keeps its place.
 */
const REQUEUE_SET = `state = 'pending', next_attempt_at = now(), claimed_by = NULL, claimed_until = NULL,
  attempts_started = 0, attempts_finished = 0, finished_at = NULL`;

/** Orders whose failed rows one requeue statement takes at most (see requeueFailed). */
const REQUEUE_ORDERS_PER_STATEMENT = 500;

/** What the admin endpoints and the CLI do with the outbox. */
export class OutboxAdminRepository {
  list(db: Queryable, query: ListQuery): Promise<OutboxRow[]> {
    return db.query<OutboxRow>(
      // Qualified: a bare "seq" would sort by the text alias of the select list.
      `SELECT ${outboxColumns('o')} FROM ${O} o WHERE o.state = $1 AND ($3::text IS NULL OR o.order_id = $3)
       ORDER BY o.seq LIMIT $2`,
      [query.state, query.limit, query.orderId ?? null],
    );
  }

  /** Requeues one row; 'not-found', 'in-flight' (leased right now) or 'delivered' when it cannot be. */
  async requeue(db: Queryable, id: string): Promise<'requeued' | 'not-found' | 'in-flight' | 'delivered'> {
    if (!/^[0-9]{1,18}$/.test(id)) return 'not-found';
    const [row] = await db.query<{ state: OutboxState; leased: boolean }>(
      `SELECT state, (claimed_until IS NOT NULL AND claimed_until >= now()) AS leased FROM ${O} WHERE id = $1`,
      [id],
    );
    if (row === undefined) return 'not-found';
    if (row.state === 'delivered') return 'delivered';
    if (row.leased) return 'in-flight';
    if (row.state !== 'pending') {
      return (await this.requeueWhere(db, `id = $1 AND state IN ('failed', 'parked')`, [id])) > 0 ? 'requeued' : 'in-flight';
    }
    const due = await db.execute(`UPDATE ${O} SET next_attempt_at = now() WHERE id = $1 AND state = 'pending' AND claimed_by IS NULL`, [id]);
    if (due > 0) await wakeRelays(db);
    return due > 0 ? 'requeued' : 'in-flight';
  }

  /** Requeues every failed and parked row of an order, keeping their relative order. */
  requeueOrder(db: Queryable, orderId: string): Promise<number> {
    return this.requeueWhere(db, `order_id = $1 AND state IN ('failed', 'parked')`, [orderId]);
  }

  /**
   * Requeues every failed row (parked rows need a look first: requeue them one by one or by order),
   * all of an order's rows in one statement, at most REQUEUE_ORDERS_PER_STATEMENT orders per
   * statement. A row leaving the failed state takes its order's lock (the queue-head trigger) until
   * its statement commits, and Postgres's shared lock table holds only some thousands of locks in
   * all (max_locks_per_transaction × max_connections): one statement over every failed row failed
   * with "out of shared memory" once some ten thousand orders had failed rows. The orders are the
   * ones with failed rows when the call starts, so a row that fails again meanwhile stays failed.
   */
  async requeueFailed(db: Queryable): Promise<number> {
    const orders = await db.query<{ orderId: string }>(`SELECT DISTINCT order_id AS "orderId" FROM ${O} WHERE state = 'failed'`);
    let requeued = 0;
    for (let at = 0; at < orders.length; at += REQUEUE_ORDERS_PER_STATEMENT) {
      const chunk = orders.slice(at, at + REQUEUE_ORDERS_PER_STATEMENT).map(({ orderId }) => orderId);
      requeued += await this.requeueWhere(db, `order_id = ANY($1::text[]) AND state = 'failed'`, [chunk]);
    }
    return requeued;
  }

  private async requeueWhere(db: Queryable, condition: string, params: unknown[]): Promise<number> {
    const rows = await againAfterDeadlock(() => db.query(
      `WITH chosen AS (SELECT id FROM ${O} WHERE ${condition} ORDER BY seq FOR UPDATE),
            renumbered AS (SELECT id, nextval('${TABLES.outboxSeq}') AS seq FROM chosen)
       UPDATE ${O} AS t SET seq = r.seq, ${REQUEUE_SET} FROM renumbered r WHERE t.id = r.id RETURNING t.id`,
      params,
    ));
    if (rows.length > 0) await wakeRelays(db);
    return rows.length;
  }
}

const DEADLOCK_TRIES = 5;

/**
 * A requeue and the relay's batched FINISH each take the locks of many orders (the queue-head
 * triggers), in no common order, so Postgres may end one of them as a deadlock victim (40P01) and
 * ask for it to run again. The relay's side retries by itself; the requeue does here, rather than
 * failing an operator's request after some of its chunks.
 */
async function againAfterDeadlock<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await statement();
    } catch (error) {
      if ((error as { code?: unknown }).code !== '40P01' || attempt >= DEADLOCK_TRIES) throw error;
    }
  }
}

/** Admin changes are rare and may come from the CLI's own process: a plain NOTIFY wakes every relay. */
async function wakeRelays(db: Queryable): Promise<void> {
  await db.query(`SELECT pg_notify($1, '')`, [CHANNELS.outbox]);
}
