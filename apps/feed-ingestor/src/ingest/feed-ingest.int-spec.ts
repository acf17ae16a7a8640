// Issue 4, "Done when": the built feed-ingestor against the sandbox, the real broker and Postgres.
import { decodeEvent, EVENT_TYPES, isValidTraceparent, TOPICS } from '@dropship/messaging';
import { waitFor } from '@dropship/testing';
import type { FeedRecord } from '../testing/feed-topics-reader';
import { startRig, type IngestorRig } from '../testing/ingestor-rig';
import { acknowledgeOrder, rawEntry } from '../testing/sandbox-actions';

const CREATED = EVENT_TYPES.orderCreated;
const UPDATED = EVENT_TYPES.orderStatusUpdated;

describe('feed-ingestor: from the feed to Kafka', () => {
  let rig: IngestorRig;

  beforeEach(async () => {
    rig = await startRig('feed-ingest');
  });
  afterEach(async () => {
    await rig.close();
  });

  /** Each record's position in `expected` ([type, orderId] in feed order) must grow along every partition. */
  function expectFeedOrderPerPartition(records: FeedRecord[], expected: string[]): void {
    const byPartition = new Map<string, number[]>();
    for (const record of records) {
      const at = expected.indexOf(`${record.event.type} ${record.key}`);
      const key = `${record.topic}:${record.partition}`;
      byPartition.set(key, [...(byPartition.get(key) ?? []), at]);
    }
    for (const positions of byPartition.values()) {
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  }

  it(
    'publishes 137 orders spread over more than 3 archive pages exactly once each, oldest first; then nothing; then exactly 5 new ones',
    async () => {
      // Given 137 orders, every tenth batch acknowledged by the supplier, so the feed has 4 pages (3 archives)
      const feedOrder: string[] = [];
      const orderIds = new Set<string>();
      for (let batch = 0; batch < 14; batch += 1) {
        const orders = rig.sandbox.generateOrders(batch === 13 ? 7 : 10);
        orders.forEach((order) => orderIds.add(order.orderId) && feedOrder.push(`${CREATED} ${order.orderId}`));
        for (const order of orders.slice(0, 2)) {
          await acknowledgeOrder(rig.sandbox, order.orderId);
          feedOrder.push(`${UPDATED} ${order.orderId}`);
        }
      }
      expect(orderIds.size).toBe(137);
      expect(rig.sandbox.state.feed.pageCount).toBeGreaterThanOrEqual(4);

      // When the ingestor starts and catches up
      const ingestor = await rig.start({ pollMs: 300 });
      await waitFor(() => rig.reader.about(orderIds).length >= feedOrder.length, { timeoutMs: 40_000, description: 'the backlog on Kafka' });
      await ingestor.polled(2);
      await rig.reader.drain();

      // Then every entry is on its topic once, keyed by order id, with its entry id as event id, oldest first
      const records = rig.reader.about(orderIds);
      expect(records).toHaveLength(feedOrder.length);
      expect(records.map((record) => `${record.event.type} ${record.key}`).sort()).toEqual([...feedOrder].sort());
      expect(new Set(records.map((record) => record.event.id)).size).toBe(records.length);
      for (const record of records) {
        expect(record.topic).toBe(record.event.type === CREATED ? TOPICS.orderCreated : TOPICS.orderStatusUpdated);
        expect(record.event.subject).toBe(record.key);
        expect(record.headers['traceparent']).toBe(record.event.traceparent);
        expect(isValidTraceparent(record.headers['traceparent'])).toBe(true);
        expect(() => decodeEvent(JSON.stringify(record.event))).not.toThrow();
      }
      expectFeedOrderPerPartition(records, feedOrder);

      // When it polls again with nothing new
      const published = await ingestor.metric('dropship_feed_entries_published_total', { kind: 'order-created' });
      const polls = (await ingestor.metric('dropship_feed_poll_duration_seconds_count', { outcome: 'success' })) ?? 0;
      await ingestor.polled(polls + 2);
      await rig.reader.drain();
      // Then nothing more was published
      expect(rig.reader.about(orderIds)).toHaveLength(feedOrder.length);
      expect(await ingestor.metric('dropship_feed_entries_published_total', { kind: 'order-created' })).toBe(published);

      // When 5 new orders arrive
      const fresh = new Set(rig.sandbox.generateOrders(5).map((order) => order.orderId));
      await waitFor(() => rig.reader.about(fresh).length >= 5, { timeoutMs: 20_000, description: 'the 5 new orders' });
      const after = (await ingestor.metric('dropship_feed_poll_duration_seconds_count', { outcome: 'success' })) ?? 0;
      await ingestor.polled(after + 1);
      await rig.reader.drain();
      // Then exactly those 5 were published, once each
      expect(rig.reader.about(fresh).map((record) => record.key).sort()).toEqual([...fresh].sort());
      expect(rig.reader.about(orderIds)).toHaveLength(feedOrder.length);
    },
    120_000,
  );

  it('does not publish an entry twice when the sandbox repeats it on the feed', async () => {
    // Given a feed that repeats about a third of its entries with the same entry id
    rig.sandbox.state.faults.configure({ duplicateEntryRate: 0.3 });
    const orderIds = new Set(rig.sandbox.generateOrders(120).map((order) => order.orderId));
    const duplicated = rig.sandbox.state.stats.get('duplicatedEntries');
    expect(duplicated).toBeGreaterThan(10);
    // When the ingestor reads it all
    const ingestor = await rig.start({ pollMs: 300 });
    await waitFor(() => rig.reader.about(orderIds).length >= 120, { timeoutMs: 40_000, description: '120 orders on Kafka' });
    await ingestor.polled(2);
    await rig.reader.drain();
    // Then each order was published once, and the repeats were counted as skipped
    const records = rig.reader.about(orderIds);
    expect(records).toHaveLength(120);
    expect(new Set(records.map((record) => record.event.id)).size).toBe(120);
    expect(await ingestor.metric('dropship_feed_duplicates_skipped_total')).toBe(duplicated);
  }, 90_000);

  it('sends a malformed entry and an unknown kind to the dead-letter topic with raw XML and reason, and publishes the rest of the page', async () => {
    // Given a page with a malformed entry and an entry of a kind the contract does not know, among orders
    const before = rig.sandbox.generateOrders(3);
    const malformedId = `urn:uuid:${crypto.randomUUID()}`;
    const malformed = rawEntry(malformedId, '<order-created xmlns="urn:iQmetrix:dropship"><items><order-item><quantity>one</quantity></order-item></items></order-created>');
    rig.sandbox.state.publishRawEntry(malformed);
    const unknownId = `urn:uuid:${crypto.randomUUID()}`;
    rig.sandbox.state.publishRawEntry(rawEntry(unknownId, '<order-archived xmlns="urn:iQmetrix:dropship"><order-id>x</order-id></order-archived>', 'Dropship Order Archived'));
    const after = rig.sandbox.generateOrders(3);
    const orderIds = new Set([...before, ...after].map((order) => order.orderId));
    // When the ingestor reads the page
    const ingestor = await rig.start({ pollMs: 300 });
    const entryIds = new Set([malformedId, unknownId]);
    await waitFor(() => rig.reader.about(orderIds, entryIds).length >= 8, { timeoutMs: 30_000, description: 'orders and dead letters' });
    await ingestor.polled(2);
    await rig.reader.drain();
    // Then the six orders are published and the two others are dead letters with their XML and reason
    expect(rig.reader.about(orderIds).map((record) => record.topic)).toEqual(Array(6).fill(TOPICS.orderCreated));
    const deadLetters = rig.reader.about(new Set(), entryIds);
    expect(deadLetters.map((record) => record.topic)).toEqual([TOPICS.ordersDlq, TOPICS.ordersDlq]);
    const byEntry = Object.fromEntries(deadLetters.map((record) => [(record.event.data['source'] as { entryId: string }).entryId, record.event.data]));
    expect(byEntry[malformedId]).toMatchObject({ errorCode: 'FEED.UNPARSABLE_ENTRY', original: malformed, reason: expect.stringContaining('quantity') });
    expect(byEntry[unknownId]).toMatchObject({ errorCode: 'FEED.UNKNOWN_ENTRY_KIND', original: expect.stringContaining('order-archived') });
    expect(await ingestor.metric('dropship_feed_dlq_records_total', { reason: 'FEED.UNPARSABLE_ENTRY' })).toBe(1);
  }, 60_000);
});
