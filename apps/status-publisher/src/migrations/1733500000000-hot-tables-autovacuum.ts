import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vacuums the two queue tables after a fixed number of finished rows instead of a fraction of the
 * table. Each delivered PUT and each published result updates a row out of a partial index that the
 * relay and the results publisher scan from the oldest key (outbox_due_heads,
 * result_outbox_unpublished); until VACUUM removes them, those dead entries are read by every such
 * scan. Both tables keep their finished rows for OUTBOX_RETENTION_HOURS (a week by default), so
 * with Postgres's default trigger (20 % of the table changed) a busy week-old table collects
 * millions of dead entries before autovacuum runs, and each scan slows down with them. With a fixed
 * threshold autovacuum runs about once per autovacuum_naptime (a minute by default) under load,
 * which bounds the dead entries to about a minute of traffic.
 */
export class HotTablesAutovacuum1733500000000 implements MigrationInterface {
  name = 'HotTablesAutovacuum1733500000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of HOT_TABLES) {
      await runner.query(`ALTER TABLE ${table} SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = ${VACUUM_THRESHOLD_ROWS})`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of HOT_TABLES) {
      await runner.query(`ALTER TABLE ${table} RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold)`);
    }
  }
}

const HOT_TABLES = ['status_publisher.outbox', 'status_publisher.result_outbox'];

/** Dead rows that make a table due for autovacuum, whatever its size. */
const VACUUM_THRESHOLD_ROWS = 10_000;
