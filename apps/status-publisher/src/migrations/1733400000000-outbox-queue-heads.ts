import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks the head of each order's outbox queue (`is_head`: its first pending row), so
 * the relay's claim reads only heads. Before, a claim walked the due rows in seq order and probed
 * each for an earlier pending row of its order: with a backlog of many rows per order, most rows
 * are not heads, and every claim read the whole backlog to find the few that were.
 *
 * Triggers keep the mark, whoever writes the table (the publisher, an operator, a test's INSERT):
 * - a row added pending takes the order's lock, gets its seq under that lock (so seq order is the
 *   order rows joined the queue, even between concurrent transactions) and is the head only if its
 *   order has no other pending row;
 * - a requeued row goes to the back of the queue (a new seq) and is not the head by itself;
 * - after a row left the queue (delivered, failed, parked, deleted) or rejoined it, the order's
 *   first pending row becomes its head if it has none, under the same lock. A promoted row is due
 *   from then on at the earliest (not from when it was added), so a head's next_attempt_at is about
 *   when it became sendable, which lets the relay look for new heads among recent keys only
 *   (CLAIM_RECENT_SQL). A row that left keeps its own mark: only pending rows' marks are read.
 * So an order has one head while it has pending rows, and the relay sends only heads.
 * The lock is the order's transaction lock that receiving an order already takes
 * (OrderViewRepository.lockOrderId), so a transaction adding a row and one finishing the head of the
 * same order see each other's committed rows instead of each assuming the other's is not there.
 */
export class OutboxQueueHeads1733400000000 implements MigrationInterface {
  name = 'OutboxQueueHeads1733400000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of UP) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await runner.query(statement);
  }
}

const O = 'status_publisher.outbox';
const LOCK_ORDER = (orderId: string): string => `PERFORM pg_advisory_xact_lock(hashtextextended('dropship-order:' || ${orderId}, 0))`;

const UP = [
  `ALTER TABLE ${O} ADD COLUMN is_head boolean NOT NULL DEFAULT false`,
  `UPDATE ${O} o SET is_head = true WHERE o.state = 'pending'
     AND NOT EXISTS (SELECT 1 FROM ${O} p WHERE p.order_id = o.order_id AND p.state = 'pending' AND p.seq < o.seq)`,
  `CREATE INDEX outbox_due_heads ON ${O} (next_attempt_at, seq) WHERE state = 'pending' AND is_head`,
  `DROP INDEX status_publisher.outbox_pending_due`,
  `CREATE FUNCTION status_publisher.outbox_joins_queue() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     ${LOCK_ORDER('NEW.order_id')};
     NEW.seq := nextval('status_publisher.outbox_seq');
     NEW.is_head := NOT EXISTS (SELECT 1 FROM ${O} WHERE order_id = NEW.order_id AND state = 'pending');
     RETURN NEW;
   END $$`,
  // A requeued row goes to the back of its order's queue: a new seq unless the statement gave it one
  // (OutboxAdminRepository renumbers a batch in its old order), and never the head by itself.
  `CREATE FUNCTION status_publisher.outbox_rejoins_queue() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.seq = OLD.seq THEN NEW.seq := nextval('status_publisher.outbox_seq'); END IF;
     NEW.is_head := false;
     RETURN NEW;
   END $$`,
  // After a row left the queue or rejoined it: the order's first pending row is its head if it has none.
  `CREATE FUNCTION status_publisher.outbox_ensure_head() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     order_id_ text := CASE WHEN TG_OP = 'DELETE' THEN OLD.order_id ELSE NEW.order_id END;
   BEGIN
     ${LOCK_ORDER('order_id_')};
     IF NOT EXISTS (SELECT 1 FROM ${O} WHERE order_id = order_id_ AND state = 'pending' AND is_head) THEN
       UPDATE ${O} SET is_head = true, next_attempt_at = greatest(next_attempt_at, now())
       WHERE id = (SELECT id FROM ${O} WHERE order_id = order_id_ AND state = 'pending' ORDER BY seq LIMIT 1);
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER outbox_insert_joins_queue BEFORE INSERT ON ${O}
     FOR EACH ROW WHEN (NEW.state = 'pending') EXECUTE FUNCTION status_publisher.outbox_joins_queue()`,
  `CREATE TRIGGER outbox_requeue_rejoins_queue BEFORE UPDATE OF state ON ${O}
     FOR EACH ROW WHEN (OLD.state <> 'pending' AND NEW.state = 'pending') EXECUTE FUNCTION status_publisher.outbox_rejoins_queue()`,
  `CREATE TRIGGER outbox_head_after_update AFTER UPDATE OF state ON ${O}
     FOR EACH ROW WHEN ((OLD.state = 'pending') <> (NEW.state = 'pending')) EXECUTE FUNCTION status_publisher.outbox_ensure_head()`,
  `CREATE TRIGGER outbox_head_after_delete AFTER DELETE ON ${O}
     FOR EACH ROW WHEN (OLD.state = 'pending') EXECUTE FUNCTION status_publisher.outbox_ensure_head()`,
];

const DOWN = [
  `DROP TRIGGER outbox_head_after_delete ON ${O}`,
  `DROP TRIGGER outbox_head_after_update ON ${O}`,
  `DROP TRIGGER outbox_requeue_rejoins_queue ON ${O}`,
  `DROP TRIGGER outbox_insert_joins_queue ON ${O}`,
  `DROP FUNCTION status_publisher.outbox_ensure_head()`,
  `DROP FUNCTION status_publisher.outbox_rejoins_queue()`,
  `DROP FUNCTION status_publisher.outbox_joins_queue()`,
  `CREATE INDEX outbox_pending_due ON ${O} (next_attempt_at, seq) WHERE state = 'pending'`,
  `DROP INDEX status_publisher.outbox_due_heads`,
  `ALTER TABLE ${O} DROP COLUMN is_head`,
];
