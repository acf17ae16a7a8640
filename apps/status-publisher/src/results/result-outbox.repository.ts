import { StatusResultData } from '@dropship/messaging';
import { Queryable } from '../database/publisher-db';
import { TABLES } from '../database/tables';

/** A result waiting to be published. */
export interface PendingResult {
  id: string;
  eventId: string;
  orderId: string;
  data: StatusResultData;
  traceparent: string | null;
  createdAt: Date;
}

/**
 * Results go out through this table, written in the same transaction as the decision or delivery
 * they report, so a result is never lost (the transaction committed) nor invented (it rolled back).
 * `event_id` is fixed at insert: a result published twice after a crash is the same CloudEvent.
 * The publisher is woken by ChangeNotifier after the caller's commit.
 */
export class ResultOutboxRepository {
  async add(tx: Queryable, data: StatusResultData, traceparent?: string | null): Promise<void> {
    await tx.execute(
      `INSERT INTO ${TABLES.results} (event_id, order_id, command_id, data, traceparent)
       VALUES (gen_random_uuid(), $1, $2, $3, $4)`,
      [data.orderId, data.commandId, JSON.stringify(data), traceparent ?? null],
    );
  }

  async unpublished(db: Queryable, limit: number): Promise<PendingResult[]> {
    return db.query<PendingResult>(
      // Ordered by the bigint column, not by the text alias "id" (which would put 10 before 9).
      `SELECT r.id::text AS "id", r.event_id::text AS "eventId", r.order_id AS "orderId", r.data, r.traceparent,
              r.created_at AS "createdAt"
       FROM ${TABLES.results} r WHERE r.published_at IS NULL ORDER BY r.id LIMIT $1`,
      [limit],
    );
  }

  async markPublished(db: Queryable, ids: readonly string[]): Promise<void> {
    await db.execute(`UPDATE ${TABLES.results} SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  async countUnpublished(db: Queryable): Promise<number> {
    const [row] = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${TABLES.results} WHERE published_at IS NULL`,
    );
    return row?.count ?? 0;
  }
}
