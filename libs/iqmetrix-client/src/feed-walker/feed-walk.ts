import { Logger } from '@nestjs/common';
import type { ParseFeedOptions } from '../feed/feed.types';
import type { IqmetrixHttp } from '../http/iqmetrix-http';
import type { PageFetch, PageRef, StartStatus, WalkedPage, WalkOptions, WalkStart } from './feed-walker.types';
import type { PageCache } from './page-cache';
import { readPage } from './page-passes';
import { withPageRetries, type PageRetryPolicy } from './page-retry';
import { newItemsOldestFirst, type PageCut } from './walk-start';

export interface FeedWalkParts {
  http: IqmetrixHttp;
  start: WalkStart;
  status: StartStatus;
  /** Oldest first. */
  pages: PageRef[];
  cut: PageCut;
  cache: PageCache;
  parse: ParseFeedOptions;
  retry: PageRetryPolicy;
  onFetch: (fetch: PageFetch) => void;
}

/**
 * The result of a scan: which pages hold new entries, oldest first. `read()` then reads them one
 * at a time, so a consumer can publish and checkpoint page by page with one page in memory.
 */
export class FeedWalk {
  private readonly logger = new Logger(FeedWalk.name);

  constructor(private readonly parts: FeedWalkParts) {}

  get start(): WalkStart {
    return this.parts.start;
  }

  get status(): StartStatus {
    return this.parts.status;
  }

  /** The pages to read, oldest first. */
  get pages(): readonly PageRef[] {
    return this.parts.pages;
  }

  /**
   * Reads the pages oldest first, each with only its new items, oldest first. Ends early when the
   * signal is aborted between pages, or when a page is no longer the one scanned (then the next
   * walk continues from the reader's checkpoint). Errors (HTTP, a refused page) are thrown.
   */
  async *read(options: WalkOptions = {}): AsyncGenerator<WalkedPage> {
    const { pages } = this.parts;
    try {
      for (let index = 0; index < pages.length; index += 1) {
        if (options.signal?.aborted) return;
        const page = await this.readAt(index, options.signal);
        if (page === undefined) return;
        yield page;
      }
    } finally {
      this.parts.cache.clear();
    }
  }

  private async readAt(index: number, signal?: AbortSignal): Promise<WalkedPage | undefined> {
    const { http, pages, cut, cache, parse, retry } = this.parts;
    const ref = pages[index];
    // The scan numbered pages newest first.
    const cached = cache.take(pages.length - 1 - index);
    const url = ref.selfUrl ?? ref.fetchedUrl;
    const startedAt = Date.now();
    const page = await withPageRetries(() => readPage(http, { cached, url }, parse), retry, signal);
    if (cached === undefined) {
      this.parts.onFetch({ url, phase: 'read', bytes: page.bytes, durationMs: Date.now() - startedAt });
    }
    if (ref.id !== null && page.header.id !== null && page.header.id !== ref.id) {
      // Only the current page can move on (when it fills up); reading on would skip its newest entries.
      this.logger.warn({ msg: 'feed page changed since the scan; the walk stops here', url, expected: ref.id, found: page.header.id });
      return undefined;
    }
    const items = newItemsOldestFirst(page.items, cut, index === 0);
    return { ref, index, total: pages.length, header: page.header, items };
  }
}
