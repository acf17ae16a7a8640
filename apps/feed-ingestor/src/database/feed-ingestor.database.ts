import type { ServiceDatabase } from '@dropship/platform';
import { CheckpointEntity } from '../checkpoint/checkpoint.entity';
import { PublishedEntryEntity } from '../checkpoint/published-entry.entity';
import { CreateFeedIngestorTables1764300000000 } from '../migrations/1764300000000-create-feed-ingestor-tables';

/** The feed-ingestor's own Postgres schema; no other service reads or writes it. */
export const feedIngestorDatabase: ServiceDatabase = {
  schema: 'feed_ingestor',
  entities: [CheckpointEntity, PublishedEntryEntity],
  migrations: [CreateFeedIngestorTables1764300000000],
};
