import type { Readable } from 'node:stream';

/** What the feed reader accepts: a whole page (text or bytes) or a byte stream such as an HTTP body. */
export type FeedInput = string | Uint8Array | Readable | AsyncIterable<string | Uint8Array>;

export type FeedEntryKind = 'order-created' | 'order-status-updated' | 'unknown';

/** A link whose rel the reader does not map to a named field (kept, never dropped). */
export interface FeedLink {
  rel: string;
  href: string;
}

/**
 * The page's Atom links (RFC 5005 archive navigation). Hrefs are kept exactly as the server wrote
 * them (api-reference Part 1 §3: follow links as returned), never resolved or rewritten.
 */
export interface FeedLinks {
  self?: string;
  current?: string;
  prevArchive?: string;
  nextArchive?: string;
  other: FeedLink[];
}

/** The feed-level fields of a page: everything but its entries. */
export interface FeedHeader {
  id: string | null;
  title: string | null;
  updated: string | null;
  links: FeedLinks;
}

/** One parsed Atom entry of the order feed. */
export interface FeedEntry {
  /** The Atom `entry/id`, trimmed: the event's identity for de-duplication. */
  entryId: string;
  title: string | null;
  published: string | null;
  updated: string | null;
  kind: FeedEntryKind;
  /** The payload's top-level `order-id`; always a string for the two known kinds. */
  orderId: string | null;
  /** The payload converted to camelCase JSON; the rules are in `feed/README.md` of this lib. */
  data: Record<string, unknown>;
  /** The entry's exact source text, from `<entry` to its closing `>`. */
  rawXml: string;
}

/** Where an entry starts in the page: character offset, and 1-based line/column of its start tag's end. */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

/** An entry that could not be turned into a FeedEntry; the rest of the page is still parsed. */
export interface EntryIssue {
  entryId?: string;
  rawXml: string;
  /** True when rawXml holds only the start of an entry that exceeded maxEntryBytes. */
  rawXmlTruncated?: boolean;
  reason: string;
  position?: SourcePosition;
}

export interface FeedPage extends FeedHeader {
  /** In document order, which on this feed is newest first. */
  entries: FeedEntry[];
  issues: EntryIssue[];
}

export interface ParseFeedOptions {
  /** Largest page accepted, in bytes (UTF-8); checked while reading. Default 20 MiB. */
  maxPageBytes?: number;
  /** Largest entry accepted, in bytes; a larger entry becomes an EntryIssue. Default 1 MiB. */
  maxEntryBytes?: number;
}

/**
 * Callbacks of the streaming reader. Each is called in document order; when one returns a promise
 * the reader waits for it before reading further, so a slow consumer holds back the input.
 */
export interface FeedStreamHandlers {
  onEntry(entry: FeedEntry): void | Promise<void>;
  /** Required: an entry that cannot be read is reported, never silently dropped (api-reference Part 1 §3). */
  onIssue(issue: EntryIssue): void | Promise<void>;
}
