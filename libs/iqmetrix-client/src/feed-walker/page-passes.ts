import { StringDecoder } from 'node:string_decoder';
import { parseFeedStream } from '../feed/feed-parser';
import { FeedParseError } from '../feed/feed.errors';
import type { FeedHeader, FeedInput, ParseFeedOptions } from '../feed/feed.types';
import { WRITE_SLICE_CHARS } from '../feed/feed-input';
import type { IqmetrixHttp } from '../http/iqmetrix-http';
import type { WalkedItem } from './feed-walker.types';
import type { PageCache } from './page-cache';
import { PageScanner, type ScanDecision, type ScanRule } from './page-scanner';
import { openPage } from './page-transfer';

export interface ScannedPage {
  header: FeedHeader;
  decision: ScanDecision;
  bytes: number;
}

export interface ScanTarget {
  url: string;
  rule: ScanRule;
  cache: PageCache;
  cacheKey: number;
  maxPageBytes: number;
}

/**
 * Scan pass over one page: fetches it, lets the scanner read until its rule has an answer, and
 * reads the rest of the body without parsing it (the connection stays reusable) into the page cache
 * when it fits.
 */
export async function scanPage(http: IqmetrixHttp, target: ScanTarget): Promise<ScannedPage> {
  const transfer = await openPage(http, target.url);
  const scanner = new PageScanner(target.rule);
  const decoder = new StringDecoder('utf8');
  let kept: Buffer[] | null = [];
  let bytes = 0;
  for await (const chunk of transfer.chunks) {
    bytes += chunk.length;
    if (bytes > target.maxPageBytes) {
      throw new FeedParseError('FEED.PAGE_TOO_LARGE', `page exceeds maxPageBytes (${target.maxPageBytes} bytes)`);
    }
    if (kept !== null && target.cache.fits(bytes)) kept.push(chunk);
    else kept = null;
    if (scanner.stopped === null) writeSliced(scanner, decoder.write(chunk));
  }
  if (scanner.stopped === null) writeSliced(scanner, decoder.end());
  const header = scanner.end();
  if (kept !== null) target.cache.put(target.cacheKey, kept, bytes);
  return { header, decision: scanner.stopped?.decision, bytes };
}

export interface ReadPage {
  header: FeedHeader;
  /** In document order: newest first. */
  items: WalkedItem[];
  bytes: number;
}

/** Read pass over one page: the full feed reader, over cached bytes or a new fetch of `url`. */
export async function readPage(
  http: IqmetrixHttp,
  source: { cached?: Buffer; url: string },
  options: ParseFeedOptions,
): Promise<ReadPage> {
  if (source.cached !== undefined) {
    return { ...(await parseItems(source.cached, options)), bytes: source.cached.length };
  }
  const transfer = await openPage(http, source.url);
  return { ...(await parseItems(transfer.chunks, options)), bytes: transfer.receivedBytes() };
}

async function parseItems(input: FeedInput, options: ParseFeedOptions): Promise<Omit<ReadPage, 'bytes'>> {
  const items: WalkedItem[] = [];
  const header = await parseFeedStream(
    input,
    { onEntry: (entry) => void items.push({ entry }), onIssue: (issue) => void items.push({ issue }) },
    options,
  );
  return { header, items };
}

/** Checks between writes (a DOCTYPE) act within one slice, as in the feed reader. */
function writeSliced(scanner: PageScanner, text: string): void {
  for (let start = 0; start < text.length && scanner.stopped === null; start += WRITE_SLICE_CHARS) {
    scanner.write(text.slice(start, start + WRITE_SLICE_CHARS));
  }
}
