import { MetricsRegistry } from '@dropship/platform';
import { createTestDatabase, TestDatabase, waitFor } from '@dropship/testing';
import { PublisherDb } from '../database/publisher-db';
import { PublisherMetrics } from '../maintenance/publisher-metrics';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxRow } from '../outbox/outbox.types';
import { migratePublisherSchema } from '../testing/migrated-database';
import { OutboxRelay } from './outbox-relay';
import { PauseGate } from './pause-gate';
import { RetryClock } from './retry-clock';
import { RowDelivery } from './row-delivery';

const O = 'status_publisher.outbox';
const LEASE_MS = 600;

/**
 * A delivery that records which rows it was asked to send and marks them delivered; the first one
 * waits until released.
 */
class HeldDelivery {
  readonly sent: string[] = [];
  private releaseFirst!: () => void;
  private readonly firstReleased = new Promise<void>((resolve) => (this.releaseFirst = resolve));

  constructor(private readonly db: PublisherDb) {}

  async deliver(row: OutboxRow, sent: () => void = () => undefined): Promise<void> {
    this.sent.push(row.orderId);
    if (this.sent.length === 1) await this.firstReleased;
    sent();
    await this.db.execute(`UPDATE ${O} SET state = 'delivered', finished_at = now() WHERE id = $1`, [row.id]);
  }

  release(): void {
    this.releaseFirst();
  }
}

describe('the relay, its leases and what it has in flight (real Postgres)', () => {
  let database: TestDatabase;
  let db: PublisherDb;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migratePublisherSchema(database.url);
    db = new PublisherDb(database.url, 4);
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('does not send a queued row once its lease may have ended, when renewing failed meanwhile', async () => {
    // Given two orders' heads, and a relay with one connection whose lease renewals fail (Postgres
    // away from it), so that the second row waits behind a first PUT that takes longer than the lease
    for (const orderId of ['order-a', 'order-b']) {
      await db.execute(`INSERT INTO ${O} (order_id, command_id, method, path, body) VALUES ($1, $1, 'PUT', '/p', '{}'::jsonb)`, [orderId]);
    }
    const outbox = new OutboxRepository('60455');
    outbox.renew = () => Promise.reject(new Error('Postgres is away from this replica'));
    const delivery = new HeldDelivery(db);
    const observers = { metrics: new PublisherMetrics(new MetricsRegistry('relay-leases-test')), gate: new PauseGate(), retries: new RetryClock() };
    const settings = { replicaId: 'r1', concurrency: 1, batchSize: 10, pollIntervalMs: 60_000, leaseMs: LEASE_MS, crashLimit: 3 };
    const relay = new OutboxRelay(db, outbox, delivery as unknown as RowDelivery, observers, settings);
    relay.start();
    try {
      await waitFor(() => delivery.sent.length === 1, { description: 'the first PUT' });
      const [first] = delivery.sent;
      const waiting = first === 'order-a' ? 'order-b' : 'order-a';

      // When the waiting row's lease runs out and another replica claims it, and then the first PUT ends
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 100));
      await db.execute(`UPDATE ${O} SET claimed_by = 'r2', claimed_until = now() + interval '1 minute' WHERE order_id = $1`, [waiting]);
      delivery.release();
      await new Promise((resolve) => setTimeout(resolve, 300));

      // Then this relay did not send it: it is the other replica's now
      expect(delivery.sent).toEqual([first]);
      const [row] = await db.query<{ claimedBy: string }>(`SELECT claimed_by AS "claimedBy" FROM ${O} WHERE order_id = $1`, [waiting]);
      expect(row.claimedBy).toBe('r2');
    } finally {
      await relay.stop();
    }
  });

  it('starts no PUT while twice its connections are answered but not recorded (Postgres slow to take outcomes)', async () => {
    // Given ten orders' heads and a relay with two connections, whose PUTs are answered at once but
    // whose outcomes cannot be recorded yet
    await db.execute(`TRUNCATE ${O}`);
    for (let i = 0; i < 10; i += 1) {
      await db.execute(`INSERT INTO ${O} (order_id, command_id, method, path, body) VALUES ($1, $1, 'PUT', '/p', '{}'::jsonb)`, [`order-${i}`]);
    }
    const started: string[] = [];
    let recordAll!: () => void;
    const recorded = new Promise<void>((resolve) => (recordAll = resolve));
    const delivery = {
      deliver: async (row: OutboxRow, sent: () => void = () => undefined) => {
        started.push(row.orderId);
        await new Promise((resolve) => setImmediate(resolve)); // iQmetrix answers
        sent();
        await recorded;
        await db.execute(`UPDATE ${O} SET state = 'delivered', finished_at = now() WHERE id = $1`, [row.id]);
      },
    };
    const observers = { metrics: new PublisherMetrics(new MetricsRegistry('relay-bound-test')), gate: new PauseGate(), retries: new RetryClock() };
    const settings = { replicaId: 'r1', concurrency: 2, batchSize: 10, pollIntervalMs: 100, leaseMs: 30_000, crashLimit: 3 };
    const relay = new OutboxRelay(db, new OutboxRepository('60455'), delivery as unknown as RowDelivery, observers, settings);
    relay.start();
    try {
      // When the relay has had time to start what it may
      await waitFor(() => started.length >= 4, { timeoutMs: 5_000, description: `the first PUTs (started: ${started.length})` });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Then it started four (two connections, twice over), and the rest once those were recorded
      expect(started).toHaveLength(4);
      recordAll();
      await waitFor(() => started.length === 10, { description: 'every PUT' });
    } finally {
      recordAll();
      await relay.stop();
    }
  });
});
