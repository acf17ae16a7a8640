import { MetricsRegistry } from '@dropship/platform';
import { createTestDatabase, TestDatabase } from '@dropship/testing';
import { PublisherDb } from '../database/publisher-db';
import { migratePublisherSchema } from '../testing/migrated-database';
import { MaintenanceService } from './maintenance.service';
import { PublisherMetrics } from './publisher-metrics';
import { RetentionRepository } from './retention.repository';

const O = 'status_publisher.outbox';
const INSERT_ROW = `INSERT INTO ${O} (order_id, command_id, method, path, body) VALUES ($1, $2, 'PUT', '/p', '{}'::jsonb)`;

describe('maintenance gauges (real Postgres)', () => {
  let database: TestDatabase;
  let db: PublisherDb;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migratePublisherSchema(database.url);
    db = new PublisherDb(database.url, 2);
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('counts as due only rows the relay may send: a row queued behind a head waiting for its retry is not', async () => {
    // Given an order whose head retries in five minutes, with a row queued behind it for an hour
    await db.execute(INSERT_ROW, ['order-a', 'a-1']);
    await db.execute(INSERT_ROW, ['order-a', 'a-2']);
    await db.execute(`UPDATE ${O} SET next_attempt_at = now() + interval '5 minutes' WHERE command_id = 'a-1'`);
    await db.execute(`UPDATE ${O} SET next_attempt_at = now() - interval '1 hour' WHERE command_id = 'a-2'`);
    // And another order whose head has been due for a minute
    await db.execute(INSERT_ROW, ['order-b', 'b-1']);
    await db.execute(`UPDATE ${O} SET next_attempt_at = now() - interval '1 minute' WHERE command_id = 'b-1'`);
    const metrics = new PublisherMetrics(new MetricsRegistry('status-publisher-test'));
    const maintenance = new MaintenanceService(db, new RetentionRepository(), metrics, { retentionHours: 168, retentionIntervalMs: 60_000, metricsIntervalMs: 60_000 });

    // When the gauges are refreshed
    await maintenance.refreshGauges();

    // Then the oldest due age is order-b's minute, not the hour of the row that cannot be sent yet
    const [{ value }] = (await metrics.oldestDueAge.get()).values;
    expect(value).toBeGreaterThanOrEqual(59);
    expect(value).toBeLessThan(120);
  });
});
