import type { FeedHeader } from '../feed/feed.types';
import type { StartStatus, WalkedItem, WalkStart } from './feed-walker.types';
import type { ScanDecision, ScannedEntry, ScanRule } from './page-scanner';

/** Which items of the oldest page read are new: all, those after an entry, or those not older than a time. */
export type PageCut =
  | { kind: 'none' }
  | { kind: 'after-entry'; entryId: string }
  | { kind: 'not-older-than'; timeMs: number };

/** The scan rule of a walk start: when a page holds the start, and when a page need not be read further. */
export function scanRuleFor(start: WalkStart): ScanRule {
  const cutoff = cutoffMs(start);
  const entryId = start.kind === 'after-entry' ? start.entryId : undefined;
  return {
    // Walking from the beginning needs only each page's prev-archive link, which feeds write first.
    beforeFirstEntry: (header: FeedHeader): ScanDecision =>
      start.kind === 'beginning' && header.links.prevArchive !== undefined ? 'enough' : undefined,
    onEntry: (entry: ScannedEntry): ScanDecision => {
      if (entryId !== undefined && entry.id === entryId) return 'found';
      // Entries come newest first, so one older than the cutoff means the start lies behind us.
      if (cutoff !== undefined && isOlder(entry.updated, cutoff)) return 'passed';
      return undefined;
    },
  };
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
 * first. With an entry cut, everything newer than its first (newest) occurrence; if it is not on
 * the page after all, the whole page (a duplicate is safer than a loss).
 */
export function newItemsOldestFirst(items: WalkedItem[], cut: PageCut): WalkedItem[] {
  let end = items.length;
  if (cut.kind === 'after-entry') {
    const index = items.findIndex((item) => itemEntryId(item) === cut.entryId);
    if (index >= 0) end = index;
  } else if (cut.kind === 'not-older-than') {
    const index = items.findIndex((item) => item.entry !== undefined && isOlder(item.entry.updated, cut.timeMs));
    if (index >= 0) end = index;
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

/** An entry whose `updated` is missing or unreadable is never taken as older: it is read, not skipped. */
function isOlder(updated: string | null, cutoffMs: number): boolean {
  if (updated === null) return false;
  const time = Date.parse(updated);
  return !Number.isNaN(time) && time < cutoffMs;
}
