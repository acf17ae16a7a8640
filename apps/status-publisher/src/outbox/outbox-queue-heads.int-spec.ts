import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@dropship/testing';
import { OutboxAdminRepository } from '../admin/outbox-admin.repository';
import { PublisherDb } from '../database/publisher-db';
import { migratePublisherSchema } from '../testing/migrated-database';
import { ClaimRequest, OutboxRepository } from './outbox.repository';
import { OutboxRow } from './outbox.types';

const LEASE = { leaseMs: 30_000, crashLimit: 3 };
const O = 'status_publisher.outbox';

/** A plain INSERT, as an operator or another tool would write it: no order lock taken first. */
const INSERT_ROW = `INSERT INTO ${O} (order_id, command_id, method, path, body) VALUES ($1, $2, 'PUT', '/p', '{}'::jsonb)`;

describe('outbox queue heads: the triggers that mark each order\'s sendable row (real Postgres)', () => {
  let database: TestDatabase;
  let db: PublisherDb;
  const outbox = new OutboxRepository('60455');
  const open: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await migratePublisherSchema(database.url);
    db = new PublisherDb(database.url, 10);
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((client) => client.end()));
    await db.execute(`TRUNCATE ${O}, status_publisher.result_outbox`);
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  const request = (replicaId: string, limit = 100): ClaimRequest => ({ replicaId, limit, ...LEASE });
  const deliver = (replicaId: string, row: OutboxRow) => outbox.finishOne(db, replicaId, { kind: 'delivered', row, answer: { status: 202, body: null } });
  const heads = (orderId: string) =>
    db.query<{ id: string }>(`SELECT id::text AS id FROM ${O} WHERE order_id = $1 AND state = 'pending' AND is_head ORDER BY seq`, [orderId]);

  async function session(): Promise<Client> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    open.push(client);
    return client;
  }

  /** Resolves to whether `promise` settled within `ms`. */
  async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
    return Promise.race([promise.then(() => true, () => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
  }

  it('keeps exactly one head per order when rows are added by concurrent transactions, and sends them in seq order', async () => {
    // Given eight transactions adding a row to one order at once, each committing after a random pause
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.query(INSERT_ROW, ['order-c', `c-${i}`]);
          await tx.query('SELECT pg_sleep($1)', [Math.random() * 0.05]);
        }),
      ),
    );
    // Then the order has one head, its lowest seq
    const [first] = await db.query<{ id: string }>(`SELECT id::text AS id FROM ${O} WHERE order_id = 'order-c' ORDER BY seq LIMIT 1`);
    expect(await heads('order-c')).toEqual([first]);
    // And draining it sends one row at a time, in seq order, all eight
    const sent: string[] = [];
    for (;;) {
      const rows = await outbox.claim(db, request('r1'));
      if (rows.length === 0) break;
      expect(rows).toHaveLength(1);
      sent.push(rows[0].id);
      expect(await deliver('r1', rows[0])).toBe(true);
    }
    const bySeq = await db.query<{ id: string }>(`SELECT id::text AS id FROM ${O} WHERE order_id = 'order-c' ORDER BY seq`);
    expect(sent).toEqual(bySeq.map((row) => row.id));
  });

  it('gives the head to a row added while the head was being finished, whichever commits first', async () => {
    // Given an order whose only row is in flight, and a transaction adding its next row, not yet committed
    await db.query(INSERT_ROW, ['order-f', 'f-1']);
    const [inFlight] = await outbox.claim(db, request('r1'));
    const adder = await session();
    await adder.query('BEGIN');
    await adder.query(INSERT_ROW, ['order-f', 'f-2']);
    // When the row in flight is recorded delivered meanwhile
    const finishing = deliver('r1', inFlight);
    // Then recording it waits for the adding transaction rather than leaving the order without a head
    expect(await settlesWithin(finishing, 300)).toBe(false);
    await adder.query('COMMIT');
    expect(await finishing).toBe(true);
    expect((await outbox.claim(db, request('r1'))).map((row) => row.commandId)).toEqual(['f-2']);

    // Given the other way round: the head's delivery is being committed while a row is added
    const [second] = await db.query<{ id: string }>(`SELECT id::text AS id FROM ${O} WHERE command_id = 'f-2'`);
    const finisher = await session();
    await finisher.query('BEGIN');
    await finisher.query(`UPDATE ${O} SET state = 'delivered', claimed_by = NULL WHERE id = $1`, [second.id]);
    const adding = db.query(INSERT_ROW, ['order-f', 'f-3']);
    expect(await settlesWithin(adding, 300)).toBe(false);
    await finisher.query('COMMIT');
    await adding;
    // Then the added row is the head
    expect((await outbox.claim(db, request('r1'))).map((row) => row.commandId)).toEqual(['f-3']);
  });

  it('claims the next rows of the orders named, once due and not leased, and nothing of other orders', async () => {
    // Given three orders whose heads r1 holds; a's and b's are delivered, c's is still in flight
    for (const [orderId, count] of [['a', 3], ['b', 2], ['c', 2]] as const) {
      for (let i = 1; i <= count; i += 1) await db.query(INSERT_ROW, [orderId, `${orderId}-${i}`]);
    }
    const claimed = await outbox.claim(db, request('r1'));
    for (const row of claimed.filter((row) => row.orderId !== 'c')) expect(await deliver('r1', row)).toBe(true);
    // When r1 claims the next rows of a and c
    const next = await outbox.claimHeadsOf(db, request('r1'), ['a', 'c']);
    // Then it gets a's second row only: c's head is leased and b was not named
    expect(next.map((row) => row.commandId)).toEqual(['a-2']);
    expect(next[0]).toMatchObject({ claimedBy: 'r1', attemptsStarted: 1 });
    expect((await outbox.claim(db, request('r2'))).map((row) => row.commandId)).toEqual(['b-2']);
  });

  it('finds recently due heads with the recent claim, and older ones only with the full claim', async () => {
    // Given an order whose head has been due for a minute, and a new order
    await db.query(INSERT_ROW, ['old', 'old-1']);
    await db.execute(`UPDATE ${O} SET next_attempt_at = now() - interval '1 minute'`);
    await db.query(INSERT_ROW, ['new', 'new-1']);
    // When a replica claims recent heads / Then only the new order's comes
    const recent = await outbox.claimRecent(db, request('r1'), 1_000);
    expect(recent.rows.map((row) => row.commandId)).toEqual(['new-1']);
    expect(recent.longestDueMs).toBeLessThan(1_000);
    // And the full claim finds the old one
    expect((await outbox.claim(db, request('r1'))).map((row) => row.commandId)).toEqual(['old-1']);
  });

  it('makes a promoted row due from its promotion on, so the recent claim finds it', async () => {
    // Given an order with two rows added an hour ago
    await db.query(INSERT_ROW, ['p', 'p-1']);
    await db.query(INSERT_ROW, ['p', 'p-2']);
    await db.execute(`UPDATE ${O} SET next_attempt_at = now() - interval '1 hour'`);
    // When its head is delivered
    const [head] = await outbox.claim(db, request('r1'));
    expect(await deliver('r1', head)).toBe(true);
    // Then the next row is found among recently due heads
    expect((await outbox.claimRecent(db, request('r1'), 1_000)).rows.map((row) => row.commandId)).toEqual(['p-2']);
  });

  it('passes the head on when a pending head is deleted or parked, and a requeued row waits its turn', async () => {
    // Given an order with three rows
    for (let i = 1; i <= 3; i += 1) await db.query(INSERT_ROW, ['d', `d-${i}`]);
    // When an operator deletes its head / Then the second row is the head
    await db.execute(`DELETE FROM ${O} WHERE command_id = 'd-1'`);
    const [second] = await outbox.claim(db, request('r1'));
    expect(second.commandId).toBe('d-2');
    // When that row is parked, then requeued while the third is the head
    await outbox.finishOne(db, 'r1', { kind: 'park', row: second, error: 'test' });
    await db.execute(`UPDATE ${O} SET state = 'pending', next_attempt_at = now() WHERE command_id = 'd-2'`);
    // Then there is still one head, the third row, and the requeued row follows it
    expect((await heads('d')).length).toBe(1);
    const [third] = await outbox.claim(db, request('r1'));
    expect(third.commandId).toBe('d-3');
    expect(await outbox.claim(db, request('r2'))).toEqual([]);
    expect(await deliver('r1', third)).toBe(true);
    expect((await outbox.claim(db, request('r1'))).map((row) => row.commandId)).toEqual(['d-2']);
  });

  it('requeues an order\'s failed rows behind its queue in their old order, one head at a time', async () => {
    // Given an order whose first two rows failed and whose third was delivered
    for (let i = 1; i <= 3; i += 1) await db.query(INSERT_ROW, ['q', `q-${i}`]);
    for (const kind of ['failed', 'failed', 'delivered'] as const) {
      const [row] = await outbox.claim(db, request('r1'));
      if (kind === 'delivered') expect(await deliver('r1', row)).toBe(true);
      else await outbox.finishOne(db, 'r1', { kind, row, answer: { status: 400, body: null }, error: 'refused' });
    }
    // When an operator requeues the order's failed rows
    expect(await new OutboxAdminRepository().requeueOrder(db, 'q')).toBe(2);
    // Then they are sent one at a time, in their old order
    const sent: Array<string | null> = [];
    for (let row = (await outbox.claim(db, request('r1')))[0]; row !== undefined; row = (await outbox.claim(db, request('r1')))[0]) {
      expect((await heads('q')).length).toBe(1);
      sent.push(row.commandId);
      expect(await deliver('r1', row)).toBe(true);
    }
    expect(sent).toEqual(['q-1', 'q-2']);
  });
});
