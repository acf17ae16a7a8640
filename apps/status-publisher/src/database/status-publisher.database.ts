import type { ServiceDatabase } from '@dropship/platform';
import { CreatePublisherTables1732700000000 } from '../migrations/1732700000000-create-publisher-tables';
import { OutboxQueueHeads1733400000000 } from '../migrations/1733400000000-outbox-queue-heads';
import { HotTablesAutovacuum1733500000000 } from '../migrations/1733500000000-hot-tables-autovacuum';

/** The status-publisher's own Postgres schema; no other service reads or writes it. */
export const statusPublisherDatabase: ServiceDatabase = {
  schema: 'status_publisher',
  entities: [],
  migrations: [CreatePublisherTables1732700000000, OutboxQueueHeads1733400000000, HotTablesAutovacuum1733500000000],
};
