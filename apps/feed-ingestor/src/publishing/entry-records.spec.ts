import type { FeedEntry, WalkedItem } from '@dropship/iqmetrix-client';
import { decodeEvent, EVENT_TYPES, isValidTraceparent, TOPICS } from '@dropship/messaging';
import { itemKey, recordFor, uniqueByKey } from './entry-records';

const ORDER_ID = '32cb2b46-fb26-48c8-9b8f-67ed759e2599';

function entry(overrides: Partial<FeedEntry> = {}): WalkedItem {
  return {
    entry: {
      entryId: 'urn:uuid:9e5a279b-9583-4d51-b3fa-00d0d146986a',
      title: 'Dropship Order Created',
      published: '2015-10-23T21:37:31Z',
      updated: '2015-10-23T21:37:32Z',
      kind: 'order-created',
      orderId: ORDER_ID,
      data: { orderId: ORDER_ID, items: [{ sku: 'AB-JH0786-MI', quantity: 1 }], seller: { printableId: '02146912' } },
      rawXml: '<entry>…</entry>',
      ...overrides,
    },
  };
}

describe('recordFor', () => {
  it('turns an order-created entry into its CloudEvent: id = entry id, subject and key = order id, time = published', () => {
    // Given an order-created entry / When it becomes a record
    const record = recordFor(entry());
    // Then it goes to the order-created topic, keyed by the order id, with a traceparent header
    expect(record).toMatchObject({ kind: 'order-created', topic: TOPICS.orderCreated, orderId: ORDER_ID });
    expect(record.message.key).toBe(ORDER_ID);
    expect(record.message.headers['traceparent']).toBe(record.traceparent);
    expect(isValidTraceparent(record.traceparent)).toBe(true);
    // And the value is the contract's event, with the feed data unchanged
    const event = decodeEvent(record.message.value);
    expect(event).toMatchObject({
      id: 'urn:uuid:9e5a279b-9583-4d51-b3fa-00d0d146986a',
      type: EVENT_TYPES.orderCreated,
      source: '/dropship-connector/feed-ingestor',
      subject: ORDER_ID,
      time: '2015-10-23T21:37:31Z',
      traceparent: record.traceparent,
      data: { orderId: ORDER_ID, seller: { printableId: '02146912' } },
    });
  });

  it('sends an order-status-updated entry to its own topic', () => {
    const record = recordFor(entry({ kind: 'order-status-updated', title: 'Dropship Order Status Updated' }));
    expect(record.topic).toBe(TOPICS.orderStatusUpdated);
    expect(decodeEvent(record.message.value).type).toBe(EVENT_TYPES.orderStatusUpdated);
  });

  it('starts one trace per entry: the same trace id every time the entry is published, a new span each time', () => {
    const [first, second] = [recordFor(entry()), recordFor(entry())];
    const [, firstTrace, firstSpan] = first.traceparent.split('-');
    const [, secondTrace, secondSpan] = second.traceparent.split('-');
    expect(firstTrace).toBe(secondTrace);
    expect(firstSpan).not.toBe(secondSpan);
    expect(recordFor(entry({ entryId: 'urn:uuid:other' })).traceparent.split('-')[1]).not.toBe(firstTrace);
  });

  it('dead-letters an unreadable entry with its raw XML and reason, under a stable event id', () => {
    // Given an entry the reader could not read
    const item: WalkedItem = { issue: { entryId: 'urn:uuid:bad', rawXml: '<entry><id>urn:uuid:bad</id></entry>', reason: 'the entry has no content' } };
    // When it becomes a record
    const record = recordFor(item);
    // Then it is a dead letter with everything needed to look into it
    expect(record).toMatchObject({ kind: 'dead-letter', topic: TOPICS.ordersDlq, reason: 'FEED.UNPARSABLE_ENTRY' });
    const event = decodeEvent(record.message.value);
    expect(event.data).toMatchObject({
      errorCode: 'FEED.UNPARSABLE_ENTRY',
      reason: 'the entry has no content',
      original: '<entry><id>urn:uuid:bad</id></entry>',
      originalEncoding: 'utf-8',
      service: 'feed-ingestor',
      source: { entryId: 'urn:uuid:bad' },
    });
    // And sending it again (a page in flight at a crash) gives the same event id
    expect(decodeEvent(recordFor(item).message.value).id).toBe(event.id);
  });

  it('dead-letters an entry kind the contract has no topic for', () => {
    const record = recordFor(entry({ kind: 'unknown', orderId: null, title: 'Dropship Order Archived', data: { archivedOrder: 'x' } }));
    expect(record).toMatchObject({ kind: 'dead-letter', reason: 'FEED.UNKNOWN_ENTRY_KIND' });
    expect(decodeEvent(record.message.value).data).toMatchObject({ errorCode: 'FEED.UNKNOWN_ENTRY_KIND', original: '<entry>…</entry>' });
  });

  it('dead-letters an entry whose data the contract schema refuses, instead of publishing it', () => {
    const record = recordFor(entry({ data: { orderId: ORDER_ID, items: 'not a list' } }));
    expect(record).toMatchObject({ kind: 'dead-letter', reason: 'MESSAGE.SCHEMA_VIOLATION', orderId: ORDER_ID });
    expect(record.message.key).toBe(ORDER_ID);
  });

  it('keeps every record small enough for Kafka: a large unreadable entry is cut, a large event is dead-lettered', () => {
    // Given an unreadable entry of 900,000 characters of quotes (each one escaped in JSON)
    const rawXml = `<entry>${'"'.repeat(900_000)}</entry>`;
    const letter = recordFor({ issue: { entryId: 'urn:uuid:big', rawXml, reason: 'not well-formed' } });
    // Then its dead letter holds the start of it, says so, and fits in a record
    const data = decodeEvent(letter.message.value).data as { original: string; reason: string };
    expect(data.original).toBe(rawXml.slice(0, 200 * 1024));
    expect(data.reason).toBe('not well-formed (raw XML cut to its first 200 Ki characters)');
    expect(letter.message.value.length).toBeLessThan(1_000_000);

    // Given an order whose event would be over 900,000 bytes
    const huge = entry({ data: { orderId: ORDER_ID, items: [{ sku: 'AB-1', quantity: 1, description: 'x'.repeat(1_000_000) }] }, rawXml: '<entry>big</entry>' });
    // Then it is a dead letter saying why, with its raw XML, instead of a record the broker would refuse
    const record = recordFor(huge);
    expect(record).toMatchObject({ kind: 'dead-letter', reason: 'FEED.ENTRY_TOO_LARGE', orderId: ORDER_ID });
    expect(decodeEvent(record.message.value).data).toMatchObject({ errorCode: 'FEED.ENTRY_TOO_LARGE', original: '<entry>big</entry>' });
  });
});

describe('itemKey and uniqueByKey', () => {
  it('keys an entry by its Atom id and an id-less issue by the hash of its XML', () => {
    expect(itemKey(entry())).toBe('urn:uuid:9e5a279b-9583-4d51-b3fa-00d0d146986a');
    const issue = (rawXml: string): WalkedItem => ({ issue: { rawXml, reason: 'no id' } });
    expect(itemKey(issue('<entry/>'))).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(itemKey(issue('<entry/>'))).toBe(itemKey(issue('<entry/>')));
    expect(itemKey(issue('<entry/>'))).not.toBe(itemKey(issue('<entry></entry>')));
  });

  it('keeps the first of two items with one key, in page order', () => {
    const items = [entry({ entryId: 'a' }), entry({ entryId: 'b' }), entry({ entryId: 'a', title: 'copy' })];
    const unique = [...uniqueByKey(items).values()];
    expect(unique.map((item) => [item.entry?.entryId, item.entry?.title])).toEqual([
      ['a', 'Dropship Order Created'],
      ['b', 'Dropship Order Created'],
    ]);
  });
});
