import type { ServiceDatabase } from '@dropship/platform';
import { CreatePublisherTables1732700000000 } from '../migrations/1732700000000-create-publisher-tables';

/** The status-publisher's own Postgres schema; no other service reads or writes it. */
export const statusPublisherDatabase: ServiceDatabase = {
  schema: 'status_publisher',
  entities: [],
  migrations: [CreatePublisherTables1732700000000],
};
