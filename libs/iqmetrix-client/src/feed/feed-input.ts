import { StringDecoder } from 'node:string_decoder';
import { FeedParseError } from './feed.errors';
import type { FeedInput } from './feed.types';

/**
 * Largest piece of text handed to sax in one write. Checks that run between writes (a DTD, an
 * entry outgrowing its limit) therefore act within this many characters.
 */
export const WRITE_SLICE_CHARS = 64 * 1024;

/** Text pieces of a page, plus whether they were decoded from bytes (the XML declaration matters then). */
export interface PageText {
  readonly fromBytes: boolean;
  readonly pieces: AsyncIterable<string>;
}

/**
 * Turns any FeedInput into UTF-8-decoded text pieces of at most WRITE_SLICE_CHARS, counting the
 * page's bytes as they arrive so that an oversized page is refused before it is all read.
 */
export function pageText(input: FeedInput, maxPageBytes: number): PageText {
  if (typeof input === 'string') {
    assertWithinLimit(Buffer.byteLength(input, 'utf8'), maxPageBytes);
    return { fromBytes: false, pieces: sliced([input]) };
  }
  if (input instanceof Uint8Array) {
    assertWithinLimit(input.byteLength, maxPageBytes);
    return { fromBytes: true, pieces: decoded([input], maxPageBytes) };
  }
  return { fromBytes: true, pieces: decoded(input, maxPageBytes) };
}

async function* decoded(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<Uint8Array>,
  maxPageBytes: number,
): AsyncGenerator<string> {
  // StringDecoder keeps a multi-byte character that is split across chunks whole.
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const chunk of chunks) {
    const isText = typeof chunk === 'string';
    bytes += isText ? Buffer.byteLength(chunk, 'utf8') : chunk.byteLength;
    assertWithinLimit(bytes, maxPageBytes);
    const text = isText ? decoder.end() + chunk : decoder.write(toBuffer(chunk));
    yield* slices(text);
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

async function* sliced(texts: Iterable<string>): AsyncGenerator<string> {
  for (const text of texts) yield* slices(text);
}

function* slices(text: string): Generator<string> {
  if (text.length <= WRITE_SLICE_CHARS) {
    if (text.length > 0) yield text;
    return;
  }
  for (let start = 0; start < text.length; start += WRITE_SLICE_CHARS) {
    yield text.slice(start, start + WRITE_SLICE_CHARS);
  }
}

function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function assertWithinLimit(bytes: number, maxPageBytes: number): void {
  if (bytes > maxPageBytes) {
    throw new FeedParseError('FEED.PAGE_TOO_LARGE', `page exceeds maxPageBytes (${maxPageBytes} bytes)`);
  }
}
