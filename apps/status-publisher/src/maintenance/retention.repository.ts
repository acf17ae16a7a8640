import { Queryable } from '../database/publisher-db';
import { TABLES } from '../database/tables';

/** What is old enough to go: finished history only. Failed and parked rows stay until handled. */
const PURGES: ReadonlyArray<{ name: string; table: string; key: string; condition: string }> = [
  { name: 'delivered PUTs', table: TABLES.outbox, key: 'id', condition: `state = 'delivered' AND finished_at < $1` },
  { name: 'published results', table: TABLES.results, key: 'id', condition: 'published_at < $1' },
  { name: 'ledger entries', table: TABLES.ledger, key: 'command_id', condition: `outcome <> 'held' AND received_at < $1` },
  { name: 'confirmation ids', table: TABLES.confirmations, key: 'entry_id', condition: 'processed_at < $1' },
];

export interface PurgeReport {
  [name: string]: number;
}

/**
 * Deletes history older than the retention in batches of `batchSize` (short transactions, no long
 * locks), at most `maxBatches` per table per run. SKIP LOCKED lets replicas purge side by side.
 * A command id purged from the ledger is new again: the retention must outlast senders' retries.
 */
export class RetentionRepository {
  async purge(db: Queryable, cutoff: Date, options: { batchSize: number; maxBatches: number }): Promise<PurgeReport> {
    const report: PurgeReport = {};
    for (const purge of PURGES) {
      let total = 0;
      for (let batch = 0; batch < options.maxBatches; batch += 1) {
        const deleted = await db.execute(
          `DELETE FROM ${purge.table} WHERE ${purge.key} IN (
             SELECT ${purge.key} FROM ${purge.table} WHERE ${purge.condition} LIMIT $2 FOR UPDATE SKIP LOCKED)`,
          [cutoff, options.batchSize],
        );
        total += deleted;
        if (deleted < options.batchSize) break;
      }
      report[purge.name] = total;
    }
    return report;
  }
}
