import type { FeedHeader } from '../feed/feed.types';
import type { StartStatus, WalkedItem, WalkStart } from './feed-walker.types';
import type { ScanDecision, ScannedEntry, ScanRule } from './page-scanner';

/** Which items of the oldest page read are new: all, those after an entry, or those not older than a time. */
export type PageCut =
  | { kind: 'none' }
  | { kind: 'after-entry'; entryId: string }
  | { kind: 'not-older-than'; timeMs: number };

/**
 * Finds where a walk starts while the scan reads pages newest first (one per scan; the walker calls
 * beginPage before each page, again when a page is fetched again, and endPage after a page it read
 * to its end). The feed is at-least-once, so neither rule below trusts a single entry:
 * - The checkpoint entry may appear more than once, a copy delivered again after newer entries.
 *   The newest copy is not where reading stopped: the start is after the oldest copy. Past a copy,
 *   the scan reads on until an entry older than the checkpoint's time, behind which no copy lies
 *   (entries after the original are at least as new). Without that time, the newest copy counts.
 * - An entry older than the start's time may be an old entry delivered again, or a clock's skew,
 *   and newer entries lie behind it. The start counts as passed (the checkpoint entry is gone)
 *   only at a whole page of entries older than the time.
 * An old entry delivered again between the original and a later copy of the checkpoint entry still
 * ends the scan at that later copy, and what came between the original and the old entry is
 * missed: that takes two anomalies at once.
 */
export class StartFinder implements ScanRule {
  private readonly cutoff: number | undefined;
  private readonly entryId: string | undefined;
  private page = -1;
  private entriesOnPage = 0;
  private allOlderOnPage = true;
  private oldestCopyPage: number | undefined;

  constructor(private readonly start: WalkStart) {
    this.cutoff = cutoffMs(start);
    this.entryId = start.kind === 'after-entry' ? start.entryId : undefined;
  }

  /** The scan index of the page holding the oldest copy of the checkpoint entry seen so far. */
  get copyPage(): number | undefined {
    return this.oldestCopyPage;
  }

  beginPage(index: number): void {
    this.page = index;
    this.entriesOnPage = 0;
    this.allOlderOnPage = true;
  }

  // Walking from the beginning needs only each page's prev-archive link, which feeds write first.
  beforeFirstEntry(header: FeedHeader): ScanDecision {
    return this.start.kind === 'beginning' && header.links.prevArchive !== undefined ? 'enough' : undefined;
  }

  onEntry(entry: ScannedEntry): ScanDecision {
    this.entriesOnPage += 1;
    const older = this.cutoff !== undefined && isOlder(entry.updated, this.cutoff);
    if (!older) this.allOlderOnPage = false;
    if (this.entryId !== undefined && entry.id === this.entryId) {
      this.oldestCopyPage = this.page;
      return this.cutoff === undefined ? 'found' : undefined;
    }
    return this.oldestCopyPage !== undefined && older ? 'found' : undefined;
  }

  /** After a page read to its end without a decision. */
  endPage(): ScanDecision {
    if (this.oldestCopyPage !== undefined) return undefined;
    return this.cutoff !== undefined && this.entriesOnPage > 0 && this.allOlderOnPage ? 'passed' : undefined;
  }

  /** How the scan ended when the archive ran out before a decision. */
  statusAtArchiveEnd(): StartStatus {
    if (this.oldestCopyPage !== undefined) return 'found';
    return this.start.kind === 'beginning' ? 'beginning' : 'exhausted';
  }
}

/** How much of the oldest page to read, once the scan has told where the start is. */
export function cutFor(start: WalkStart, status: StartStatus): PageCut {
  if (status === 'found' && start.kind === 'after-entry') return { kind: 'after-entry', entryId: start.entryId };
  const cutoff = cutoffMs(start);
  if (status === 'passed' && cutoff !== undefined) return { kind: 'not-older-than', timeMs: cutoff };
  return { kind: 'none' };
}

/**
 * The new items of a page: `items` are in document order (newest first); the result is oldest
 * first. With an entry cut, the oldest page keeps what is newer than the entry's last (oldest)
 * copy on it, or all of it if the entry is not on it after all (a duplicate is safer than a loss),
 * and no page keeps a copy of the entry itself (it was read already). With a time cut, the oldest
 * page (the one just newer than the page that showed the time was passed) loses the entries older
 * than the time at its end.
 */
export function newItemsOldestFirst(items: WalkedItem[], cut: PageCut, oldestPage: boolean): WalkedItem[] {
  let end = items.length;
  if (cut.kind === 'after-entry') {
    const copy = (item: WalkedItem): boolean => itemEntryId(item) === cut.entryId;
    if (oldestPage) {
      const index = lastIndexOf(items, copy);
      if (index >= 0) end = index;
    }
    return items.slice(0, end).filter((item) => !copy(item)).reverse();
  }
  if (cut.kind === 'not-older-than' && oldestPage) {
    // Only the oldest entries of the page, those at its end, are behind the time: an older one
    // between newer ones is an entry delivered again, read rather than taken for the boundary.
    while (end > 0 && isOlderEntry(items[end - 1] as WalkedItem, cut.timeMs)) end -= 1;
  }
  return items.slice(0, end).reverse();
}

/** The Atom id of an item, when it has one (an issue may not). */
export function itemEntryId(item: WalkedItem): string | undefined {
  return item.entry !== undefined ? item.entry.entryId : item.issue.entryId;
}

function cutoffMs(start: WalkStart): number | undefined {
  if (start.kind === 'since') return start.time.getTime();
  if (start.kind === 'after-entry' && start.updated) {
    const time = Date.parse(start.updated);
    return Number.isNaN(time) ? undefined : time;
  }
  return undefined;
}

function isOlderEntry(item: WalkedItem, cutoffMs: number): boolean {
  return item.entry !== undefined && isOlder(item.entry.updated, cutoffMs);
}

/** An entry whose `updated` is missing or unreadable is never taken as older: it is read, not skipped. */
function isOlder(updated: string | null, cutoffMs: number): boolean {
  if (updated === null) return false;
  const time = Date.parse(updated);
  return !Number.isNaN(time) && time < cutoffMs;
}

function lastIndexOf<T>(items: readonly T[], matches: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) if (matches(items[index] as T)) return index;
  return -1;
}
