import type { DataSource } from 'typeorm';
import { quoteIdentifier } from './ensure-database';

/**
 * Applies the service's pending migrations. Replicas that start together serialize on a Postgres
 * advisory lock keyed by the schema, so each migration runs once; the schema is created first
 * because TypeORM keeps its migrations table inside it.
 */
export async function migrateSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lockKey = `dropship-connector:migrations:${schema}`;
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
    await runner.release();
  }
}
