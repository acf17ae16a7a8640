/** Runs SQL on one connection. The leader's lock session is one: see CheckpointStore for why. */
export interface SqlSession {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** The ingestor's place in the feed, as stored. */
export interface StoredCheckpoint {
  entryId: string;
  entryUpdated: string | null;
  pageUrl: string | null;
  pageId: string | null;
  /** When the checkpoint row was last written. */
  updatedAt: Date;
}

/** Where a page moves the checkpoint to. */
export interface CheckpointMove {
  entryId: string;
  entryUpdated: string | null;
  pageUrl: string | null;
  pageId: string | null;
}
