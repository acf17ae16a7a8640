import { createTestDatabase, TestDatabase } from '@dropship/testing';
import { PublisherDb } from '../database/publisher-db';
import { OutboxAdminRepository } from '../admin/outbox-admin.repository';
import { RetentionRepository } from '../maintenance/retention.repository';
import { migratePublisherSchema } from '../testing/migrated-database';
import { CLAIM_SQL, FINISH_SQL, RENEW_SQL } from './outbox-finish.sql';
import { ClaimRequest, OutboxRepository } from './outbox.repository';
import { OutboxRow } from './outbox.types';

const LEASE = { leaseMs: 30_000, crashLimit: 3 };

describe('outbox claims, leases and requeues (real Postgres)', () => {
  let database: TestDatabase;
  let db: PublisherDb;
  const outbox = new OutboxRepository('60455');
  const admin = new OutboxAdminRepository();
  let orderCounter = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migratePublisherSchema(database.url);
    db = new PublisherDb(database.url, 4);
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  beforeEach(async () => {
    await db.execute('TRUNCATE status_publisher.outbox, status_publisher.result_outbox');
  });

  /** Queues `count` PUTs for a new order; returns its id. */
  async function queue(count: number): Promise<string> {
    orderCounter += 1;
    const orderId = `order-${orderCounter}`;
    for (let step = 1; step <= count; step += 1) {
      await db.transaction((tx) =>
        outbox.add(tx, { orderId, commandId: `${orderId}-c${step}`, endpoint: 'OrderStatusUpdate', body: { Id: orderId, Status: step } }),
      );
    }
    return orderId;
  }

  const claim = (replicaId: string, request: Partial<ClaimRequest> = {}) => outbox.claim(db, { replicaId, limit: 100, ...LEASE, ...request });
  const steps = (rows: OutboxRow[]) => rows.map((row) => `${row.orderId}:${(row.body as { Status: number }).Status}`).sort();
  const expireLeases = () => db.execute(`UPDATE status_publisher.outbox SET claimed_until = now() - interval '1 second' WHERE claimed_until IS NOT NULL`);

  it('leases only the first unfinished row of each order, and the next one after it is delivered', async () => {
    // Given two orders with three and two queued PUTs
    const a = await queue(3);
    const b = await queue(2);
    // When a replica claims, and another claims while those are in flight
    const first = await claim('r1');
    const meanwhile = await claim('r2');
    // Then only the heads are leased, once
    expect(steps(first)).toEqual([`${a}:1`, `${b}:1`]);
    expect(meanwhile).toEqual([]);
    // And after a's head is delivered, a's second row comes next
    const head = first.find((row) => row.orderId === a) as OutboxRow;
    expect(await outbox.finishOne(db, 'r1', { kind: 'delivered', row: head, answer: { status: 202, body: null } })).toBe(true);
    expect(steps(await claim('r2'))).toEqual([`${a}:2`]);
  });

  it('records a batch of outcomes in one statement, each under its own lease', async () => {
    // Given three orders whose heads r1 holds, one of which r2 has taken over since
    const [a, b, c] = [await queue(2), await queue(1), await queue(1)];
    const claimed = await claim('r1');
    const stolen = claimed.find((row) => row.orderId === c) as OutboxRow;
    await db.execute(`UPDATE status_publisher.outbox SET claimed_by = 'r2' WHERE id = $1`, [stolen.id]);
    const rowOf = (orderId: string) => claimed.find((row) => row.orderId === orderId) as OutboxRow;
    // When r1 records a delivery, a parked row and a delivery of the stolen row together
    const held = await outbox.finish(db, 'r1', [
      { kind: 'delivered', row: rowOf(a), answer: { status: 202, body: { Id: a } } },
      { kind: 'park', row: rowOf(b), error: 'IQMETRIX.INVALID_STATUS_BODY' },
      { kind: 'delivered', row: stolen, answer: { status: 202, body: null } },
    ]);
    // Then only its own rows changed, a's next row is next, and one delivered result was written
    expect([...held].sort()).toEqual([rowOf(a).id, rowOf(b).id].sort());
    expect(steps(await claim('r1'))).toEqual([`${a}:2`]);
    const results = await db.query<{ data: { commandId: string; outcome: string } }>(`SELECT data FROM status_publisher.result_outbox`);
    expect(results.map((row) => [row.data.commandId, row.data.outcome])).toEqual([[`${a}-c1`, 'delivered']]);
  });

  it('records answers jsonb would refuse (a lone surrogate, a NUL) with U+FFFD, and the rest of their batch with them', async () => {
    // Given two orders' heads, one of which iQmetrix answered with a lone surrogate and a NUL
    const [a, b] = [await queue(1), await queue(1)];
    const claimed = await claim('r1');
    const rowOf = (orderId: string) => claimed.find((row) => row.orderId === orderId) as OutboxRow;
    // When both outcomes are recorded together
    const held = await outbox.finish(db, 'r1', [
      { kind: 'delivered', row: rowOf(a), answer: { status: 202, body: { Message: 'ok \ud83d\u0000 \\ud83d' } } },
      { kind: 'failed', row: rowOf(b), answer: { status: 400, body: null }, error: 'refused \u0000' },
    ]);
    // Then both are recorded, with the offending characters replaced and an escaped backslash kept
    expect([...held].sort()).toEqual([rowOf(a).id, rowOf(b).id].sort());
    const [stored] = await db.query<{ response: { body: { Message: string } } }>(`SELECT response FROM status_publisher.outbox WHERE id = $1`, [rowOf(a).id]);
    expect(stored.response.body.Message).toBe('ok \ufffd\ufffd \\ud83d');
    const results = await db.query<{ outcome: string }>(`SELECT data->>'outcome' AS outcome FROM status_publisher.result_outbox ORDER BY id`);
    expect(results.map((row) => row.outcome).sort()).toEqual(['delivered', 'failed']);
  });

  it('splits due rows between replicas claiming at the same moment, never giving one row to both', async () => {
    // Given 60 orders with one PUT each
    for (let i = 0; i < 60; i += 1) await queue(1);
    // When two replicas claim 40 each at once
    const [one, two] = await Promise.all([claim('r1', { limit: 40 }), claim('r2', { limit: 40 })]);
    // Then every row is leased exactly once
    const ids = [...one, ...two].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(60);
  });

  it('holds back the rest of an order while its head waits for a retry, and lets it go on after a permanent failure', async () => {
    // Given an order with two PUTs whose first is retried later
    const a = await queue(2);
    const [head] = await claim('r1');
    await outbox.finishOne(db, 'r1', { kind: 'retry', row: head, delayMs: 60_000, error: 'IQMETRIX.UNAVAILABLE: HTTP 503', status: 503 });
    // When a replica claims / Then nothing of that order is sent meanwhile
    expect(await claim('r1')).toEqual([]);
    // Given the head is made due and then refused permanently
    await db.execute(`UPDATE status_publisher.outbox SET next_attempt_at = now()`);
    const [again] = await claim('r1');
    expect(again.attemptsStarted).toBe(2);
    await outbox.finishOne(db, 'r1', { kind: 'failed', row: again, answer: { status: 400, body: { Message: 'no' } }, error: 'IQMETRIX.REQUEST_REJECTED' });
    // Then the order's next PUT goes on, and a failed result carries iQmetrix's answer
    expect(steps(await claim('r1'))).toEqual([`${a}:2`]);
    const [result] = await db.query<{ data: unknown }>(`SELECT data FROM status_publisher.result_outbox`);
    expect(result.data).toEqual({ commandId: `${a}-c1`, orderId: a, outcome: 'failed', iqmetrix: { status: 400, body: { Message: 'no' } } });
  });

  it('retries a row whose attempt died with its process, and parks it after three such attempts', async () => {
    // Given a PUT whose attempts keep dying (leased, never finished, lease runs out)
    const a = await queue(2);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const [row] = await claim(`crashing-${attempt}`);
      expect(row).toMatchObject({ orderId: a, attemptsStarted: attempt, attemptsFinished: 0, state: 'pending' });
      await expireLeases();
    }
    // When it is claimed a fourth time
    const [parked] = await claim('r4');
    // Then it is parked with the reason, not sent again, and the order's next row goes on
    expect(parked).toMatchObject({ state: 'parked', claimedBy: null, attemptsStarted: 3 });
    expect(parked.lastError).toContain('3 attempts started but never finished');
    expect(steps(await claim('r4'))).toEqual([`${a}:2`]);
  });

  it('ignores the outcome from a replica that lost its lease to another', async () => {
    // Given a row leased by r1 whose lease ran out and that r2 then claimed
    await queue(1);
    const [stale] = await claim('r1');
    await expireLeases();
    const [fresh] = await claim('r2');
    // When both report a delivery / Then only r2's counts
    expect(await outbox.finishOne(db, 'r1', { kind: 'delivered', row: stale, answer: { status: 202, body: null } })).toBe(false);
    expect(await outbox.finishOne(db, 'r2', { kind: 'delivered', row: fresh, answer: { status: 202, body: null } })).toBe(true);
    expect(await db.query(`SELECT count(*)::int AS n FROM status_publisher.result_outbox`)).toEqual([{ n: 1 }]);
  });

  it('requeues a failed row behind what its order has queued since, and refuses a row in flight', async () => {
    // Given an order whose first PUT failed while its second is leased and a third waits
    const a = await queue(3);
    const [first] = await claim('r1');
    await outbox.finishOne(db, 'r1', { kind: 'failed', row: first, answer: { status: 400, body: 'no' }, error: 'refused' });
    const [second] = await claim('r1');
    // When an operator requeues the failed one, and tries the one in flight
    expect(await admin.requeue(db, first.id)).toBe('requeued');
    expect(await admin.requeue(db, second.id)).toBe('in-flight');
    await outbox.finishOne(db, 'r1', { kind: 'delivered', row: second, answer: { status: 202, body: null } });
    // Then the order continues with its third PUT, and the requeued one comes last
    expect(steps(await claim('r1'))).toEqual([`${a}:3`]);
    await db.execute(`UPDATE status_publisher.outbox SET state = 'delivered', claimed_by = NULL WHERE claimed_by IS NOT NULL`);
    const [requeued] = await claim('r1');
    expect(requeued).toMatchObject({ id: first.id, attemptsStarted: 1, attemptsFinished: 0 });
    expect(await admin.list(db, { state: 'failed', limit: 10 })).toEqual([]);
  });

  it('deletes old delivered rows and ledger entries in bounded batches, and keeps failed rows', async () => {
    // Given five old delivered rows, one old failed row and old ledger entries
    for (let i = 0; i < 6; i += 1) await queue(1);
    await db.execute(`UPDATE status_publisher.outbox SET state = 'delivered', finished_at = now() - interval '10 days'`);
    await db.execute(`UPDATE status_publisher.outbox SET state = 'failed' WHERE id = (SELECT min(id) FROM status_publisher.outbox)`);
    await db.execute(
      `INSERT INTO status_publisher.command_ledger (command_id, order_id, outcome, received_at)
       SELECT 'old-' || n, 'o', 'accepted', now() - interval '10 days' FROM generate_series(1, 3) n`,
    );
    // When retention runs with a one-week cutoff and batches of two, at most two batches per table
    const cutoff = new Date(Date.now() - 7 * 24 * 3_600_000);
    const report = await new RetentionRepository().purge(db, cutoff, { batchSize: 2, maxBatches: 2 });
    // Then four of five delivered rows went (the bound), the failed row stays, and the ledger is purged
    expect(report).toMatchObject({ 'delivered PUTs': 4, 'ledger entries': 3 });
    expect(await db.query(`SELECT state, count(*)::int AS n FROM status_publisher.outbox GROUP BY state ORDER BY state`)).toEqual([
      { state: 'delivered', n: 1 },
      { state: 'failed', n: 1 },
    ]);
  });
  /** 6,000 pending rows over 1,000 orders in one statement, in a table never analyzed: the planner then believes few rows are pending. */
  const fillBacklog = () =>
    db.execute(
      `INSERT INTO status_publisher.outbox (order_id, command_id, method, path, body)
       SELECT 'backlog-' || (n % 1000), 'backlog-c' || n, 'PUT', '/v1/x', '{}'::jsonb FROM generate_series(0, 5999) AS n`,
    );

  /** Rows the statement's scans of the outbox read (EXPLAIN ANALYZE: it runs). */
  const outboxRowsRead = async (statement: string, params: unknown[]): Promise<number> => {
    const [{ 'QUERY PLAN': plans }] = await db.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement}`, params);
    return scansOfOutbox(plans[0].Plan).reduce((rows, node) => rows + node['Actual Rows'] * node['Actual Loops'] + (node['Rows Removed by Filter'] ?? 0), 0);
  };

  it('claims by walking the due heads in order, reading about as many as it takes (whatever the statistics)', async () => {
    // Given a backlog with 1,000 due heads
    await fillBacklog();
    // When a replica claims 12 of them
    const read = await outboxRowsRead(`${CLAIM_SQL} RETURNING t.id`, ['r1', 12, LEASE.leaseMs, LEASE.crashLimit]);
    // Then it read those 12 (and looked each up again to lease it), not all 1,000 due heads
    expect(read).toBeLessThanOrEqual(2 * 12);
    expect(await db.query(`SELECT count(*)::int AS n FROM status_publisher.outbox WHERE claimed_by = 'r1'`)).toEqual([{ n: 12 }]);
  });

  it('records outcomes and renews leases by id, without reading the other pending rows (whatever the statistics)', async () => {
    // Given a backlog of 6,000 pending rows, 12 of them leased
    await fillBacklog();
    const ids = (await claim('r1', { limit: 12 })).map((row) => row.id);
    // When their leases are renewed and their outcomes recorded
    const renewed = await outboxRowsRead(RENEW_SQL, [ids, 'r1', LEASE.leaseMs]);
    const recorded = await outboxRowsRead(FINISH_SQL, ['r1', ids, ids.map(() => 'delivered'), ids.map(() => 202), ids.map(() => '{}'), ids.map(() => null), ids.map(() => null), ids.map(() => null)]);
    // Then each statement read the 12 rows it names, not the backlog
    expect(renewed).toBeLessThanOrEqual(12);
    expect(recorded).toBeLessThanOrEqual(12);
    expect(await db.query(`SELECT count(*)::int AS n FROM status_publisher.outbox WHERE state = 'delivered'`)).toEqual([{ n: 12 }]);
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** The plan's scans of the outbox table (not the update node itself, which names it too). */
function scansOfOutbox(node: PlanNode): PlanNode[] {
  const own = node['Relation Name'] === 'outbox' && node['Node Type'].includes('Scan') ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scansOfOutbox)];
}
