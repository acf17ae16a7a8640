import { itemEntryId, type FeedEntry, type WalkedItem } from '@dropship/iqmetrix-client';
import {
  buildRejectedEvent,
  createEvent,
  EVENT_TYPES,
  eventSource,
  KafkaRecord,
  OrderCreatedData,
  OrderStatusUpdatedData,
  rejectionOf,
  toKafkaMessage,
  TOPICS,
} from '@dropship/messaging';
import { contentKey, derivedEventId, entryTraceparent } from './trace-context';

const SOURCE = eventSource('feed-ingestor');

/*
 * Kafka refuses a record over the topic's max.message.bytes (1,048,588 bytes by default), and a
 * record that can never be sent would stop the ingestor at its page for good. An event's value is
 * at most MAX_EVENT_BYTES: a larger one becomes a dead letter, whose raw XML is cut to its first
 * DEAD_LETTER_ORIGINAL_CHARS characters (at most 3 bytes each in UTF-8, plus JSON escapes), so that
 * every record fits.
 */
const MAX_EVENT_BYTES = 900_000;
const DEAD_LETTER_ORIGINAL_CHARS = 200 * 1024;

export type RecordKind = 'order-created' | 'order-status-updated' | 'dead-letter';

/** One feed item turned into the Kafka record that carries it. */
export interface EntryRecord {
  /** Dedupe key: the Atom entry id, or a hash of the raw XML when the entry has no readable id. */
  key: string;
  kind: RecordKind;
  topic: string;
  message: KafkaRecord;
  entryId: string | null;
  orderId: string | null;
  traceparent: string;
  /** For dead letters: the error code (FEED.UNPARSABLE_ENTRY, FEED.UNKNOWN_ENTRY_KIND, MESSAGE.*). */
  reason?: string;
}

/** The dedupe key of a feed item. */
export function itemKey(item: WalkedItem): string {
  return itemEntryId(item) ?? contentKey(item.entry?.rawXml ?? item.issue?.rawXml ?? '');
}

/** The items of a page by dedupe key, in page order; a key seen again on the same page is a feed duplicate. */
export function uniqueByKey(items: readonly WalkedItem[]): Map<string, WalkedItem> {
  const keyed = new Map<string, WalkedItem>();
  for (const item of items) {
    const key = itemKey(item);
    if (!keyed.has(key)) keyed.set(key, item);
  }
  return keyed;
}

/**
 * The record of a feed item: an order-created or order-status-updated event (event id = Atom entry
 * id, subject and key = order id, time = published), or a dead letter with the raw XML and the
 * reason for an entry that cannot be read, an entry kind the contract has no topic for, or data
 * the contract's schema refuses. An entry is never silently dropped (api-reference Part 1 §3).
 */
export function recordFor(item: WalkedItem, now: () => Date = () => new Date()): EntryRecord {
  const key = itemKey(item);
  const traceparent = entryTraceparent(key);
  if (item.issue !== undefined) {
    const truncated = item.issue.rawXmlTruncated ? ' (raw XML cut to its first 64 Ki characters)' : '';
    return deadLetter(key, item, { errorCode: 'FEED.UNPARSABLE_ENTRY', reason: `${item.issue.reason}${truncated}` }, traceparent);
  }
  const { entry } = item;
  if (entry.kind === 'unknown' || entry.orderId === null) {
    const reason = `entry "${entry.title ?? ''}" holds a payload the contract has no topic for`;
    return deadLetter(key, item, { errorCode: 'FEED.UNKNOWN_ENTRY_KIND', reason }, traceparent);
  }
  let message: KafkaRecord;
  try {
    message = toKafkaMessage(feedEvent(entry, traceparent, now));
  } catch (error) {
    return deadLetter(key, item, rejectionOf(error), traceparent);
  }
  const bytes = message.value.length;
  if (bytes > MAX_EVENT_BYTES) {
    const reason = `the entry's event is ${bytes} bytes, more than the ${MAX_EVENT_BYTES} a record of the order topics may hold`;
    return deadLetter(key, item, { errorCode: 'FEED.ENTRY_TOO_LARGE', reason }, traceparent);
  }
  const topic = entry.kind === 'order-created' ? TOPICS.orderCreated : TOPICS.orderStatusUpdated;
  return { key, kind: entry.kind, topic, message, entryId: entry.entryId, orderId: entry.orderId, traceparent };
}


function feedEvent(entry: FeedEntry, traceparent: string, now: () => Date) {
  const common = {
    source: SOURCE,
    subject: entry.orderId as string,
    id: entry.entryId,
    time: entry.published ?? entry.updated ?? now(),
    traceparent,
  };
  return entry.kind === 'order-created'
    ? createEvent({ ...common, type: EVENT_TYPES.orderCreated, data: entry.data as OrderCreatedData })
    : createEvent({ ...common, type: EVENT_TYPES.orderStatusUpdated, data: entry.data as OrderStatusUpdatedData });
}

function deadLetter(
  key: string,
  item: WalkedItem,
  rejection: { errorCode: string; reason: string },
  traceparent: string,
): EntryRecord {
  const entryId = itemEntryId(item) ?? null;
  const orderId = item.entry?.orderId ?? null;
  const raw = item.entry?.rawXml ?? item.issue?.rawXml ?? '';
  const cut = raw.length > DEAD_LETTER_ORIGINAL_CHARS;
  const event = buildRejectedEvent(
    {
      ...rejection,
      reason: cut ? `${rejection.reason} (raw XML cut to its first ${DEAD_LETTER_ORIGINAL_CHARS / 1024} Ki characters)` : rejection.reason,
      original: cut ? raw.slice(0, DEAD_LETTER_ORIGINAL_CHARS) : raw,
      source: entryId === null ? {} : { entryId },
      service: 'feed-ingestor',
      orderId,
      traceparent,
    },
    // The same entry rejected again (a page sent twice) gets the same event id.
    { newId: () => derivedEventId(`dead-letter:${key}`) },
  );
  const message = toKafkaMessage(event);
  return { key, kind: 'dead-letter', topic: TOPICS.ordersDlq, message, entryId, orderId, traceparent, reason: rejection.errorCode };
}
