import type { ServiceDatabase } from '@dropship/platform';

/** The status-publisher's own Postgres schema; no other service reads or writes it. */
export const statusPublisherDatabase: ServiceDatabase = {
  schema: 'status_publisher',
  entities: [],
  migrations: [],
};
