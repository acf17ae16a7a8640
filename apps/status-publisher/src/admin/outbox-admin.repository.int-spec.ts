import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@dropship/testing';
import { PublisherDb } from '../database/publisher-db';
import { migratePublisherSchema } from '../testing/migrated-database';
import { OutboxAdminRepository } from './outbox-admin.repository';

const O = 'status_publisher.outbox';

/** Failed rows written directly, as the relay leaves them after a 400: `count` orders, one row each. */
const INSERT_FAILED_ORDERS = `INSERT INTO ${O} (order_id, command_id, method, path, body, state, finished_at, last_status)
  SELECT 'order-' || g, 'command-' || g, 'PUT', '/p', '{}'::jsonb, 'failed', now(), 400 FROM generate_series(1, $1::int) g`;

describe('outbox admin: requeueing every failed row (real Postgres)', () => {
  let database: TestDatabase;
  let db: PublisherDb;
  const admin = new OutboxAdminRepository();

  beforeAll(async () => {
    database = await createTestDatabase();
    await migratePublisherSchema(database.url);
    db = new PublisherDb(database.url, 4);
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  afterEach(async () => {
    await db.execute(`TRUNCATE ${O}`);
  });

  it('requeues the failed rows of more orders than Postgres holds locks for in one transaction, each order keeping its rows in order', async () => {
    // Given 20,000 orders with a failed row each (one statement over all of them ran out of shared
    // lock memory with Postgres's default max_locks_per_transaction), and one order with three
    // failed rows around a delivered one
    await db.execute(INSERT_FAILED_ORDERS, [20_000]);
    for (const [commandId, state] of [['m-1', 'failed'], ['m-2', 'delivered'], ['m-3', 'failed'], ['m-4', 'failed']]) {
      await db.execute(`INSERT INTO ${O} (order_id, command_id, method, path, body, state, finished_at) VALUES ('order-m', $1, 'PUT', '/p', '{}'::jsonb, $2, now())`, [
        commandId,
        state,
      ]);
    }

    // When every failed row is requeued
    const requeued = await admin.requeueFailed(db);

    // Then each of them is pending again, each order has exactly one head, and order-m sends its
    // rows in the order they were failed
    expect(requeued).toBe(20_003);
    const [states] = await db.query<{ failed: number; pending: number }>(
      `SELECT count(*) FILTER (WHERE state = 'failed')::int AS failed, count(*) FILTER (WHERE state = 'pending')::int AS pending FROM ${O}`,
    );
    expect(states).toEqual({ failed: 0, pending: 20_003 });
    const [heads] = await db.query<{ orders: number; wrong: number }>(
      `SELECT count(*)::int AS orders, count(*) FILTER (WHERE heads <> 1)::int AS wrong
       FROM (SELECT order_id, count(*) FILTER (WHERE is_head) AS heads FROM ${O} WHERE state = 'pending' GROUP BY order_id) o`,
    );
    expect(heads).toEqual({ orders: 20_001, wrong: 0 });
    const queue = await db.query<{ commandId: string; isHead: boolean }>(
      `SELECT command_id AS "commandId", is_head AS "isHead" FROM ${O} WHERE order_id = 'order-m' AND state = 'pending' ORDER BY seq`,
    );
    expect(queue).toEqual([
      { commandId: 'm-1', isHead: true },
      { commandId: 'm-3', isHead: false },
      { commandId: 'm-4', isHead: false },
    ]);
  });

  it('runs its statement again when Postgres ends it as the victim of a deadlock with the relay', async () => {
    // Given failed rows of orders x and y, and another session (a relay recording outcomes) that
    // holds order x's lock and will ask for y's
    await db.execute(`INSERT INTO ${O} (order_id, command_id, method, path, body, state, finished_at) VALUES
      ('order-y', 'y-1', 'PUT', '/p', '{}'::jsonb, 'failed', now()), ('order-x', 'x-1', 'PUT', '/p', '{}'::jsonb, 'failed', now())`);
    const relay = new Client({ connectionString: database.url });
    await relay.connect();
    const lock = (orderId: string) => relay.query(`SELECT pg_advisory_xact_lock(hashtextextended('dropship-order:' || $1::text, 0))`, [orderId]);
    try {
      await relay.query('BEGIN');
      await lock('order-x');
      // When the requeue takes y's lock and waits for x's, and the relay then waits for y's
      const requeue = admin.requeueFailed(db);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const relayWaits = lock('order-y');
      // (Postgres finds the cycle after deadlock_timeout and ends the requeue, which waited first)
      await relayWaits;
      await relay.query('COMMIT');
      // Then the requeue ran again and requeued both rows
      await expect(requeue).resolves.toBe(2);
    } finally {
      await relay.end();
    }
  });
});
