import { DataSource } from 'typeorm';
import { dataSourceOptions, migrateSchema } from '@dropship/platform';
import { statusPublisherDatabase } from '../database/status-publisher.database';

/* Test support: the publisher's schema migrated into a test database, without starting the app. */
export async function migratePublisherSchema(databaseUrl: string): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl, 'status-publisher-test', statusPublisherDatabase)).initialize();
  try {
    await migrateSchema(dataSource, statusPublisherDatabase.schema);
  } finally {
    await dataSource.destroy();
  }
}
