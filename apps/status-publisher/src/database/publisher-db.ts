import { Logger } from '@nestjs/common';
import { ClientBase, Pool, PoolClient } from 'pg';

/** What repositories need of a connection or transaction. */
export interface Queryable {
  /** The rows of `sql`. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The number of rows `sql` changed. */
  execute(sql: string, params?: unknown[]): Promise<number>;
}

// Deadlock and serialization failures are the database asking us to run the transaction again.
const RETRY_CODES = new Set(['40P01', '40001']);
const MAX_TRANSACTION_ATTEMPTS = 5;

function queryable(client: Pool | PoolClient): Queryable {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    execute: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rowCount ?? 0,
  };
}

/**
 * The publisher's own pg pool, beside TypeORM's (which applies migrations and answers readiness):
 * the hot paths are hand-written SQL, and pg's plain results (rows, rowCount) keep them simple.
 */
export class PublisherDb implements Queryable {
  private readonly logger = new Logger(PublisherDb.name);
  private readonly pool: Pool;
  private readonly plain: Queryable;

  constructor(databaseUrl: string, maxConnections: number) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: maxConnections,
      connectionTimeoutMillis: 5_000,
      application_name: 'status-publisher',
      // Awaited before the connection is used; a failure fails that checkout (see withoutBitmapScans).
      onConnect: withoutBitmapScans,
    });
    // An idle client losing its server must not crash the process; the next checkout reconnects.
    this.pool.on('error', (error) => this.logger.warn({ msg: 'idle database connection lost', reason: error.message }));
    this.plain = queryable(this.pool);
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.plain.query<T>(sql, params);
  }

  execute(sql: string, params?: unknown[]): Promise<number> {
    return this.plain.execute(sql, params);
  }

  /** The database's clock (hold deadlines are set with it, so comparisons use it too). */
  async now(): Promise<Date> {
    const [row] = await this.plain.query<{ now: Date }>('SELECT clock_timestamp() AS now');
    if (row === undefined) throw new Error('SELECT clock_timestamp() returned no row');
    return row.now;
  }

  /** Runs `work` in one transaction, again from the start after a deadlock or serialization failure. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.once(work);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= MAX_TRANSACTION_ATTEMPTS || code === undefined || !RETRY_CODES.has(code)) throw error;
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async once<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(queryable(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/**
 * The publisher's statements are lookups by key and ordered walks of queue indexes (the due heads,
 * the unpublished results), whose statistics are always older than the queue. Believing few rows
 * match, the planner chose bitmap scans for them: a bitmap scan reads every match and sorts them
 * all before a LIMIT keeps a few, and never marks the dead index entries it passes, so each claim
 * read every due head and every entry finished heads had left behind (a backlog over 1,000 orders:
 * 1,000 rows and some 5,000 entries read for 64 rows claimed). Without bitmap scans a claim walks
 * the index in order and stops at its limit. Set on each new connection, not as a startup option,
 * which connection poolers such as PgBouncer refuse.
 */
async function withoutBitmapScans(client: ClientBase): Promise<void> {
  await client.query('SET enable_bitmapscan = off');
}
