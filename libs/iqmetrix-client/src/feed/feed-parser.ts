import { AppError } from '@dropship/platform';
import type { EntryOutcome } from './entry-builder';
import { pageText } from './feed-input';
import { FeedSession, type FeedLimits } from './feed-session';
import type {
  EntryIssue,
  FeedEntry,
  FeedHeader,
  FeedInput,
  FeedPage,
  FeedStreamHandlers,
  ParseFeedOptions,
} from './feed.types';

const MIB = 1024 * 1024;
export const DEFAULT_MAX_PAGE_BYTES = 20 * MIB;
export const DEFAULT_MAX_ENTRY_BYTES = 1 * MIB;

/**
 * Reads one order-feed page and hands each entry (or each entry it could not read) to `handlers`
 * as soon as it is complete, without keeping them: memory stays near one entry plus one read chunk.
 * Resolves with the feed-level fields once the page is read.
 *
 * @throws FeedParseError when the page as a whole is refused (not well-formed, not an Atom feed,
 *   a DTD, over maxPageBytes); an error thrown by a handler or by the input stream is passed on.
 */
export async function parseFeedStream(
  input: FeedInput,
  handlers: FeedStreamHandlers,
  options: ParseFeedOptions = {},
): Promise<FeedHeader> {
  const limits = resolveLimits(options);
  const text = pageText(input, limits.maxPageBytes);
  const session = new FeedSession(limits, text.fromBytes);
  for await (const piece of text.pieces) {
    session.write(piece);
    await deliver(session.takeOutcomes(), handlers);
  }
  const header = session.end();
  await deliver(session.takeOutcomes(), handlers);
  return header;
}

/**
 * Reads one order-feed page into memory: its feed-level fields, its entries in document order
 * (newest first on this feed) and the entries that could not be read.
 *
 * @throws FeedParseError when the page as a whole is refused (see parseFeedStream).
 */
export async function parseFeedPage(input: FeedInput, options: ParseFeedOptions = {}): Promise<FeedPage> {
  const entries: FeedEntry[] = [];
  const issues: EntryIssue[] = [];
  const header = await parseFeedStream(
    input,
    { onEntry: (entry) => void entries.push(entry), onIssue: (issue) => void issues.push(issue) },
    options,
  );
  return { ...header, entries, issues };
}

async function deliver(outcomes: EntryOutcome[], handlers: FeedStreamHandlers): Promise<void> {
  for (const outcome of outcomes) {
    const pending = outcome.entry !== undefined ? handlers.onEntry(outcome.entry) : handlers.onIssue(outcome.issue);
    if (pending !== undefined) await pending;
  }
}

function resolveLimits(options: ParseFeedOptions): FeedLimits {
  return {
    maxPageBytes: positiveLimit('maxPageBytes', options.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES),
    maxEntryBytes: positiveLimit('maxEntryBytes', options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES),
  };
}

function positiveLimit(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new AppError('FEED.INVALID_OPTION', `${name} must be a positive integer, got ${value}`);
  }
  return value;
}
