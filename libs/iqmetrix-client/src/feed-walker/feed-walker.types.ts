import type { EntryIssue, FeedEntry, FeedHeader, ParseFeedOptions } from '../feed/feed.types';
import type { PageRetryPolicy } from './page-retry';

/** What a reader has already ingested: the newest entry id and, for the time fallback, its `updated`. */
export interface FeedCheckpoint {
  entryId: string;
  updated?: string | null;
}

/** Where reading starts. */
export type WalkStart =
  /** The oldest page of the archive: nothing has been read yet. */
  | { kind: 'beginning' }
  /** Right after this entry (a checkpoint). */
  | { kind: 'after-entry'; entryId: string; updated?: string | null }
  /** Every entry updated at or after this time (a replay). */
  | { kind: 'since'; time: Date };

/**
 * How the scan located the start:
 * - `beginning`: no checkpoint; every page back to the oldest is read;
 * - `found`: the checkpoint entry was found; reading resumes right after its oldest copy;
 * - `passed`: a page of entries all older than the start time was reached (for a checkpoint: its
 *   entry is gone, e.g. the archive expired, so entries updated at or after its `updated` are read);
 * - `exhausted`: the oldest page was reached without either; the whole archive is read.
 */
export type StartStatus = 'beginning' | 'found' | 'passed' | 'exhausted';

/** One page of the walk. */
export interface PageRef {
  /** The URL the scan fetched: the feed for the current page, then `prev-archive` hrefs as returned. */
  fetchedUrl: string;
  /** The page's `self` link: the stable address the read pass uses (the current page's too). */
  selfUrl: string | null;
  /** The page's `feed/id` (`urn:uuid:<page guid>`). */
  id: string | null;
}

/** An entry of a page, or an entry that could not be read (kept with its raw XML and reason). */
export type WalkedItem = { entry: FeedEntry; issue?: undefined } | { issue: EntryIssue; entry?: undefined };

/** One page of the read pass, with only what is new on it, oldest first. */
export interface WalkedPage {
  ref: PageRef;
  /** Position in the walk, 0 = oldest page read. */
  index: number;
  total: number;
  header: FeedHeader;
  /** New entries and issues of the page in feed order, oldest first. */
  items: WalkedItem[];
}

/** One HTTP fetch made by a walk, for metrics and logs. */
export interface PageFetch {
  url: string;
  phase: 'scan' | 'read';
  bytes: number;
  durationMs: number;
}

export interface FeedWalkerOptions {
  supplierId: string;
  /**
   * Bytes of scanned pages kept for the read pass, so that a short walk fetches each page once.
   * Pages beyond it are fetched again when read: memory stays bounded however long the backlog.
   * Default 16 MiB.
   */
  pageCacheBytes?: number;
  /** Sanity bound on the pages one walk may scan (a loop is detected separately). Default 1,000,000. */
  maxPages?: number;
  parse?: ParseFeedOptions;
  /** Retries of a page whose fetch failed for a passing reason (see page-retry.ts). */
  retry?: PageRetryPolicy;
  /** Called after every page fetch. */
  onFetch?: (fetch: PageFetch) => void;
}

/** An issue of the walk together with the page it came from. */
export type PageIssue = EntryIssue & { page: PageRef };

/** Everything `readSince` read, collected. */
export interface ReadSinceResult {
  status: StartStatus;
  /** New entries, oldest first. */
  entries: FeedEntry[];
  /** New entries that could not be read, oldest first. */
  issues: PageIssue[];
  /** The pages read, oldest first. */
  pages: PageRef[];
  /** Every fetch, scan pass first. */
  fetches: PageFetch[];
}

export interface WalkOptions {
  /** Aborting stops the walk between pages (a scan rejects, a read ends). */
  signal?: AbortSignal;
}
