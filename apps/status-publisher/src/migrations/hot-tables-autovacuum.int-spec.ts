import { createTestDatabase, TestDatabase } from '@dropship/testing';
import { PublisherDb } from '../database/publisher-db';
import { migratePublisherSchema } from '../testing/migrated-database';

describe('migrations: autovacuum of the queue tables (real Postgres)', () => {
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

  it('vacuums the outbox and the results table after a fixed number of changed rows, not a share of the table', async () => {
    // Given the migrated schema, when Postgres is asked for the tables' storage parameters
    const tables = await db.query<{ table: string; options: string[] | null }>(
      `SELECT c.relname AS "table", c.reloptions AS options FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'status_publisher' AND c.relname IN ('outbox', 'result_outbox') ORDER BY c.relname`,
    );

    // Then both carry a zero scale factor and a row threshold
    const expected = ['autovacuum_vacuum_scale_factor=0', 'autovacuum_vacuum_threshold=10000'];
    expect(tables).toEqual([
      { table: 'outbox', options: expected },
      { table: 'result_outbox', options: expected },
    ]);
  });
});
