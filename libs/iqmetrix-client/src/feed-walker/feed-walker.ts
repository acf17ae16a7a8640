import { Logger } from '@nestjs/common';
import { DEFAULT_MAX_PAGE_BYTES } from '../feed/feed-parser';
import type { IqmetrixHttp } from '../http/iqmetrix-http';
import { FeedArchiveLoopError } from './feed-walker.errors';
import type {
  FeedCheckpoint,
  FeedWalkerOptions,
  PageFetch,
  PageIssue,
  PageRef,
  ReadSinceResult,
  StartStatus,
  WalkOptions,
  WalkStart,
} from './feed-walker.types';
import { FeedWalk } from './feed-walk';
import { PageCache } from './page-cache';
import { scanPage, type ScannedPage, type ScanTarget } from './page-passes';
import { withPageRetries } from './page-retry';
import { cutFor, StartFinder } from './walk-start';

export const DEFAULT_PAGE_CACHE_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_WALK_PAGES = 1_000_000;

/** The start of a walk from a reader's checkpoint (null: nothing read yet). */
export function startAfter(checkpoint: FeedCheckpoint | null): WalkStart {
  return checkpoint === null
    ? { kind: 'beginning' }
    : { kind: 'after-entry', entryId: checkpoint.entryId, updated: checkpoint.updated };
}

/**
 * Reads the order feed "since checkpoint X" (api-reference Part 1 §3): a scan pass GETs the current
 * feed and follows `prev-archive` exactly as returned, newest page first, until the page holding the
 * start; a read pass then parses those pages oldest first and hands over only what is new.
 * The scan keeps page references (and, within a byte budget, the pages' bytes), never entries.
 */
export class FeedWalker {
  private readonly logger = new Logger(FeedWalker.name);
  private readonly feedPath: string;

  constructor(
    private readonly http: IqmetrixHttp,
    private readonly options: FeedWalkerOptions,
  ) {
    this.feedPath = `/v1/Suppliers(${encodeURIComponent(options.supplierId)})/Notifications`;
  }

  /** Scans back to the start and returns the walk, ready to be read oldest first. */
  async plan(start: WalkStart, options: WalkOptions = {}): Promise<FeedWalk> {
    const cache = new PageCache(this.options.pageCacheBytes ?? DEFAULT_PAGE_CACHE_BYTES);
    const maxPages = this.options.maxPages ?? DEFAULT_MAX_WALK_PAGES;
    const finder = new StartFinder(start);
    const maxPageBytes = this.options.parse?.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
    const newestFirst: PageRef[] = [];
    const seen = new Set<string>();
    let url: string | undefined = this.feedPath;
    let status: StartStatus | undefined;
    while (url !== undefined && status === undefined) {
      options.signal?.throwIfAborted();
      if (newestFirst.length >= maxPages) throw new FeedArchiveLoopError(url, `more than ${maxPages} pages`);
      const startedAt = Date.now();
      const index = newestFirst.length;
      const target: ScanTarget = { url, rule: finder, cache, cacheKey: index, maxPageBytes };
      const scan = (): Promise<ScannedPage> => {
        finder.beginPage(index);
        return scanPage(this.http, target);
      };
      const scanned: ScannedPage = await withPageRetries(scan, this.options.retry, options.signal);
      this.onFetch({ url, phase: 'scan', bytes: scanned.bytes, durationMs: Date.now() - startedAt });
      const ref: PageRef = { fetchedUrl: url, selfUrl: scanned.header.links.self ?? null, id: scanned.header.id };
      rememberPage(seen, ref);
      newestFirst.push(ref);
      const decision = scanned.decision ?? finder.endPage();
      if (decision === 'found' || decision === 'passed') status = decision;
      url = scanned.header.links.prevArchive;
    }
    status ??= finder.statusAtArchiveEnd();
    this.reportStart(start, status, newestFirst.length);
    const pages = pagesToRead(newestFirst, status, finder).reverse();
    return new FeedWalk({
      http: this.http,
      start,
      status,
      pages,
      cut: cutFor(start, status),
      cache,
      parse: this.options.parse ?? {},
      retry: this.options.retry ?? {},
      onFetch: (fetch) => this.onFetch(fetch),
    });
  }

  /** Everything after `checkpoint` (from the oldest page when null), collected: entries oldest first. */
  async readSince(checkpoint: FeedCheckpoint | null, options: WalkOptions = {}): Promise<ReadSinceResult> {
    const fetches: PageFetch[] = [];
    const walker = new FeedWalker(this.http, {
      ...this.options,
      onFetch: (fetch) => {
        fetches.push(fetch);
        this.onFetch(fetch);
      },
    });
    const walk = await walker.plan(startAfter(checkpoint), options);
    const result: ReadSinceResult = { status: walk.status, entries: [], issues: [], pages: [], fetches };
    for await (const page of walk.read(options)) {
      result.pages.push(page.ref);
      for (const item of page.items) {
        if (item.entry !== undefined) result.entries.push(item.entry);
        else result.issues.push({ ...item.issue, page: page.ref } satisfies PageIssue);
      }
    }
    return result;
  }

  private onFetch(fetch: PageFetch): void {
    this.options.onFetch?.(fetch);
  }

  /** A checkpoint that is nowhere on the feed means entries may have been missed: say so loudly. */
  private reportStart(start: WalkStart, status: StartStatus, scanned: number): void {
    if (start.kind === 'after-entry' && status === 'passed') {
      this.logger.error({
        msg: 'checkpoint entry not found on the feed (archive expired or entry removed?); reading entries updated at or after its time',
        entryId: start.entryId,
        updated: start.updated,
        pagesScanned: scanned,
      });
    } else if (start.kind === 'after-entry' && status === 'exhausted') {
      this.logger.error({
        msg: 'checkpoint entry not found anywhere in the feed archive; reading the whole archive',
        entryId: start.entryId,
        updated: start.updated ?? null,
        pagesScanned: scanned,
      });
    } else if (start.kind === 'since' && status === 'exhausted') {
      this.logger.warn({ msg: 'the feed archive does not reach back to the requested time; reading all of it', since: start.time.toISOString(), pagesScanned: scanned });
    }
  }
}

/**
 * The scanned pages that hold something new, newest first. Pages scanned past the oldest copy of the
 * checkpoint entry only showed that no older copy lies behind it, and the page that showed the
 * start was passed holds only entries older than it.
 */
function pagesToRead(newestFirst: PageRef[], status: StartStatus, finder: StartFinder): PageRef[] {
  if (status === 'found' && finder.copyPage !== undefined) return newestFirst.slice(0, finder.copyPage + 1);
  if (status === 'passed') return newestFirst.slice(0, -1);
  return newestFirst;
}

/** The same page twice (by URL or by feed id) means the archive links loop. */
function rememberPage(seen: Set<string>, ref: PageRef): void {
  for (const key of [`url:${ref.fetchedUrl}`, ref.id === null ? undefined : `id:${ref.id}`]) {
    if (key === undefined) continue;
    if (seen.has(key)) throw new FeedArchiveLoopError(ref.fetchedUrl, `page ${key.slice(key.indexOf(':') + 1)} was already visited`);
    seen.add(key);
  }
}
