import { createHash, randomBytes } from 'node:crypto';

/**
 * A W3C traceparent starting a new trace for a feed entry. The trace id is derived from the entry's
 * key, so every publication of one entry (a page sent again after a crash, a replay) lands in one
 * trace; each publication is its own span (random parent id). Sampled, so the next hops record it.
 */
export function entryTraceparent(entryKey: string, spanId: () => string = randomSpanId): string {
  const traceId = createHash('sha256').update(entryKey).digest('hex').slice(0, 32);
  return `00-${traceId}-${spanId()}-01`;
}

// One random fill per 512 span ids: a fill per id cost as much as the rest of the record's encoding.
const POOLED_IDS = 512;
let pool = Buffer.alloc(0);
let next = 0;

function randomSpanId(): string {
  if (next >= pool.length) {
    pool = randomBytes(8 * POOLED_IDS);
    next = 0;
  }
  const id = pool.toString('hex', next, next + 8);
  next += 8;
  return id;
}

/** A stable UUID-shaped id for an event derived from a feed entry (e.g. its dead letter). */
export function derivedEventId(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  // Shaped as an RFC 9562 version-8 (custom) UUID so it reads like the other ids.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The dedupe key of an entry without a readable Atom id: its raw XML's hash. */
export function contentKey(rawXml: string): string {
  return `sha256:${createHash('sha256').update(rawXml).digest('hex')}`;
}
