import { createTestDatabase, TestDatabase } from '@dropship/testing';
import { Column, DataSource, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { dataSourceOptions, ServiceDatabase } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { migrateSchema } from './migrate';

@Entity({ name: 'probe_rows' })
class ProbeRow {
  @PrimaryColumn('text') id!: string;
  @Column('jsonb') payload!: Record<string, unknown>;
  @Column('timestamptz') createdAt!: Date;
}

class CreateProbeRows1700000000000 implements MigrationInterface {
  name = 'CreateProbeRows1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "platform_test"."probe_rows" ("id" text PRIMARY KEY, "payload" jsonb NOT NULL, "createdAt" timestamptz NOT NULL)`,
    );
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "platform_test"."probe_rows"`);
  }
}

const database: ServiceDatabase = {
  schema: 'platform_test',
  entities: [ProbeRow],
  migrations: [CreateProbeRows1700000000000],
};

describe('service database (real Postgres)', () => {
  let testDatabase: TestDatabase;
  const open: DataSource[] = [];

  async function connect(): Promise<DataSource> {
    const dataSource = await new DataSource(dataSourceOptions(testDatabase.url, 'platform-test', database)).initialize();
    open.push(dataSource);
    return dataSource;
  }

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(open.map((dataSource) => dataSource.destroy()));
    await testDatabase.drop();
  });

  it('applies the migrations once even when replicas start together, then round-trips a row', async () => {
    // Given two replicas starting at the same moment
    const [first, second] = await Promise.all([connect(), connect()]);
    // When both apply migrations concurrently
    const applied = await Promise.all([migrateSchema(first, 'platform_test'), migrateSchema(second, 'platform_test')]);
    // Then exactly one of them ran the migration, in the service's own schema
    expect(applied.flat()).toEqual(['CreateProbeRows1700000000000']);
    const recorded = await first.query(`SELECT name FROM "platform_test"."migrations"`);
    expect(recorded).toEqual([{ name: 'CreateProbeRows1700000000000' }]);
    // And a row written through one connection reads back identically through the other
    const createdAt = new Date('2026-01-02T03:04:05.678Z');
    await first.getRepository(ProbeRow).save({ id: 'order-1', payload: { printableId: '02146912', quantity: 2 }, createdAt });
    await expect(second.getRepository(ProbeRow).findOneByOrFail({ id: 'order-1' })).resolves.toEqual({
      id: 'order-1',
      payload: { printableId: '02146912', quantity: 2 },
      createdAt,
    });
  });

  it('applies nothing on a second start', async () => {
    const dataSource = await connect();
    await expect(migrateSchema(dataSource, 'platform_test')).resolves.toEqual([]);
  });

  it('creates a missing database and accepts an existing one', async () => {
    // Given a database name nobody created yet
    const url = new URL(testDatabase.url);
    url.pathname = `/${testDatabase.name}_created`;
    try {
      // When ensured twice / Then the second call is a no-op, not an error
      await ensureDatabase(url.toString());
      await expect(ensureDatabase(url.toString())).resolves.toBeUndefined();
    } finally {
      const dataSource = await connect();
      await dataSource.query(`DROP DATABASE IF EXISTS "${testDatabase.name}_created" WITH (FORCE)`);
    }
  });
});
