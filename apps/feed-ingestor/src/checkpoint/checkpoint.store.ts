import type { CheckpointMove, SqlSession, StoredCheckpoint } from './checkpoint.types';

interface CheckpointRow {
  entry_id: string;
  entry_updated: string | null;
  page_url: string | null;
  page_id: string | null;
  updated_at: Date;
}

/**
 * The checkpoint and the published-entry memory, read and written through the session that holds
 * the leader lock, never through the pool: if that session is gone, so is the lock, and a former
 * leader's late write then fails instead of moving the checkpoint under the new leader's feet.
 */
export class CheckpointStore {
  constructor(private readonly supplierId: string) {}

  async load(session: SqlSession): Promise<StoredCheckpoint | null> {
    const [row] = await session.query<CheckpointRow>(
      `SELECT entry_id, entry_updated, page_url, page_id, updated_at
         FROM feed_ingestor.checkpoints WHERE supplier_id = $1`,
      [this.supplierId],
    );
    if (row === undefined) return null;
    return {
      entryId: row.entry_id,
      entryUpdated: row.entry_updated,
      pageUrl: row.page_url,
      pageId: row.page_id,
      updatedAt: row.updated_at,
    };
  }

  /** Which of `keys` were already published. */
  async published(session: SqlSession, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await session.query<{ entry_key: string }>(
      'SELECT entry_key FROM feed_ingestor.published_entries WHERE entry_key = ANY($1::text[])',
      [keys],
    );
    return new Set(rows.map((row) => row.entry_key));
  }

  /**
   * Remembers a page's published keys and moves the checkpoint, in one statement (so atomically),
   * after Kafka acknowledged the page. Without a move (a page whose new items carry no entry id)
   * only the keys are remembered.
   */
  async commitPage(session: SqlSession, keys: string[], move: CheckpointMove | null): Promise<void> {
    const remember = `INSERT INTO feed_ingestor.published_entries (entry_key)
                      SELECT unnest($1::text[]) ON CONFLICT (entry_key) DO NOTHING`;
    if (move === null) {
      await session.query(remember, [keys]);
      return;
    }
    await session.query(
      `WITH remembered AS (${remember})
       INSERT INTO feed_ingestor.checkpoints (supplier_id, entry_id, entry_updated, page_url, page_id, updated_at)
       VALUES ($2, $3, $4, $5, $6, now())
       ON CONFLICT (supplier_id) DO UPDATE SET entry_id = EXCLUDED.entry_id, entry_updated = EXCLUDED.entry_updated,
         page_url = EXCLUDED.page_url, page_id = EXCLUDED.page_id, updated_at = EXCLUDED.updated_at`,
      [keys, this.supplierId, move.entryId, move.entryUpdated, move.pageUrl, move.pageId],
    );
  }

  /** Forgets published keys older than the retention; returns how many. */
  async prune(session: SqlSession, retentionDays: number): Promise<number> {
    const rows = await session.query<{ n: string }>(
      `WITH deleted AS (DELETE FROM feed_ingestor.published_entries
                         WHERE published_at < now() - make_interval(days => $1) RETURNING 1)
       SELECT count(*) AS n FROM deleted`,
      [retentionDays],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
