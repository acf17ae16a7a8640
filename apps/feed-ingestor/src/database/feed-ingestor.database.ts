import type { ServiceDatabase } from '@dropship/platform';

/** The feed-ingestor's own Postgres schema; no other service reads or writes it. */
export const feedIngestorDatabase: ServiceDatabase = {
  schema: 'feed_ingestor',
  entities: [],
  migrations: [],
};
