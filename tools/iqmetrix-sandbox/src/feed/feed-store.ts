import { atomTime, type Clock } from '../support/clock';
import { renderPage } from './atom-writer';

/** iQmetrix: "Each page of the feed will contain up to 50 events." */
export const PAGE_SIZE = 50;
/** Rendered pages kept; archives never change, so a benchmark walking 400 pages re-renders little. */
const RENDER_CACHE_PAGES = 64;

export interface StoredEntry {
  /** The entry id without `urn:uuid:` (undefined for raw entries). */
  id: string | undefined;
  xml: Buffer;
}

interface FeedPage {
  guid: string;
  /** Oldest first, as appended; rendered newest first. */
  entries: StoredEntry[];
  updatedMs: number;
}

export interface PageLinks {
  currentHref: string;
  pageHref(guid: string): string;
}

/**
 * The notification feed: a list of pages, the last one current. When the current page holds 50
 * entries and another arrives, the page is archived as it is (its guid, used so far as the current
 * page's `self`, stays) and a new current page with a new guid receives the entry (the guide's rule).
 */
export class FeedStore {
  private pages: FeedPage[] = [];
  private indexByGuid = new Map<string, number>();
  private rendered = new Map<string, { currentHref: string; xml: Buffer }>();
  private entries = 0;

  constructor(
    private readonly newGuid: () => string,
    private readonly clock: Clock,
  ) {
    this.openPage();
  }

  append(entry: StoredEntry, timeMs: number): void {
    let page = this.pages[this.pages.length - 1];
    if (page.entries.length >= PAGE_SIZE) {
      this.rendered.delete(page.guid);
      page = this.openPage();
    }
    page.entries.push(entry);
    page.updatedMs = timeMs;
    this.entries += 1;
    this.rendered.delete(page.guid);
  }

  currentGuid(): string {
    return this.pages[this.pages.length - 1].guid;
  }

  /** The page with this guid (the current page included), rendered; undefined if unknown. */
  render(guid: string, links: PageLinks): Buffer | undefined {
    const index = this.indexByGuid.get(guid.toLowerCase());
    if (index === undefined) return undefined;
    const page = this.pages[index];
    const cached = this.rendered.get(page.guid);
    if (cached && cached.currentHref === links.currentHref) {
      this.rendered.delete(page.guid);
      this.rendered.set(page.guid, cached);
      return cached.xml;
    }
    const xml = this.renderAt(index, links);
    this.remember(page.guid, { currentHref: links.currentHref, xml });
    return xml;
  }

  /** Entry ids of a page, newest first (for tests and the admin API). */
  entryIdsOf(guid: string): (string | undefined)[] | undefined {
    const index = this.indexByGuid.get(guid.toLowerCase());
    return index === undefined ? undefined : this.pages[index].entries.map((e) => e.id).reverse();
  }

  get entryCount(): number {
    return this.entries;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  reset(): void {
    this.pages = [];
    this.indexByGuid.clear();
    this.rendered.clear();
    this.entries = 0;
    this.openPage();
  }

  private renderAt(index: number, links: PageLinks): Buffer {
    const page = this.pages[index];
    const isCurrent = index === this.pages.length - 1;
    const newestFirst: Buffer[] = [];
    for (let i = page.entries.length - 1; i >= 0; i -= 1) newestFirst.push(page.entries[i].xml);
    return renderPage(
      {
        guid: page.guid,
        updated: atomTime(page.updatedMs),
        currentHref: links.currentHref,
        selfHref: links.pageHref(page.guid),
        prevArchiveHref: index > 0 ? links.pageHref(this.pages[index - 1].guid) : undefined,
        nextArchiveHref: isCurrent ? undefined : links.pageHref(this.pages[index + 1].guid),
      },
      newestFirst,
    );
  }

  private openPage(): FeedPage {
    const page: FeedPage = { guid: this.newGuid(), entries: [], updatedMs: this.clock.now() };
    this.indexByGuid.set(page.guid.toLowerCase(), this.pages.length);
    this.pages.push(page);
    return page;
  }

  private remember(guid: string, value: { currentHref: string; xml: Buffer }): void {
    this.rendered.set(guid, value);
    if (this.rendered.size <= RENDER_CACHE_PAGES) return;
    const oldest = this.rendered.keys().next().value;
    if (oldest !== undefined) this.rendered.delete(oldest);
  }
}
