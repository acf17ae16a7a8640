import { Logger } from '@nestjs/common';
import type { FeedEntry, WalkedItem, WalkedPage } from '@dropship/iqmetrix-client';
import { MetricsRegistry } from '@dropship/platform';
import { CheckpointStore } from '../checkpoint/checkpoint.store';
import type { CheckpointMove, SqlSession } from '../checkpoint/checkpoint.types';
import type { EntryRecord } from '../publishing/entry-records';
import type { FeedPublisher } from '../publishing/feed.publisher';
import { PublishingMetrics } from '../publishing/publishing.metrics';
import { IngestMetrics } from './ingest.metrics';
import { checkpointMove, PagePublisher } from './page-publisher';

/** The store's two calls, in memory, with the order of calls recorded. */
class FakeStore extends CheckpointStore {
  readonly remembered = new Set<string>();
  readonly moves: (CheckpointMove | null)[] = [];
  constructor(private readonly log: string[]) {
    super('60455');
  }
  override async published(_session: SqlSession, keys: string[]): Promise<Set<string>> {
    return new Set(keys.filter((key) => this.remembered.has(key)));
  }
  override async commitPage(_session: SqlSession, keys: string[], move: CheckpointMove | null): Promise<void> {
    this.log.push('commit');
    keys.forEach((key) => this.remembered.add(key));
    this.moves.push(move);
  }
}

function entry(n: number, overrides: Partial<FeedEntry> = {}): WalkedItem {
  const orderId = `order-${n}`;
  return {
    entry: {
      entryId: `urn:uuid:${n}`,
      title: 'Dropship Order Created',
      published: `2024-01-15T12:00:0${n}Z`,
      updated: `2024-01-15T12:00:0${n}Z`,
      kind: 'order-created',
      orderId,
      data: { orderId },
      rawXml: `<entry>${n}</entry>`,
      ...overrides,
    },
  };
}

const page = (items: WalkedItem[]): WalkedPage => ({
  ref: { fetchedUrl: '/feed', selfUrl: 'http://x/Pages(p1)', id: 'urn:uuid:p1' },
  index: 0,
  total: 1,
  header: { id: 'urn:uuid:p1', title: null, updated: null, links: { other: [] } },
  items,
});

describe('PagePublisher', () => {
  let log: string[];
  let sent: EntryRecord[][];
  let store: FakeStore;
  let sendFails: Error | undefined;
  let publisher: PagePublisher;
  const session: SqlSession = { query: async () => [] };

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    log = [];
    sent = [];
    sendFails = undefined;
    store = new FakeStore(log);
    const kafka = {
      send: async (records: EntryRecord[]) => {
        if (sendFails) throw sendFails;
        log.push('send');
        sent.push(records);
      },
    } as unknown as FeedPublisher;
    const registry = new MetricsRegistry('feed-ingestor');
    publisher = new PagePublisher(kafka, store, new PublishingMetrics(registry), new IngestMetrics(registry));
  });

  it('sends a page in one request, oldest first, then moves the checkpoint to its newest entry', async () => {
    // Given a page of three new entries, oldest first
    const outcome = await publisher.publish(page([entry(1), entry(2), entry(3)]), session);
    // Then one send carried all three in order, and only then was the checkpoint moved
    expect(sent.map((batch) => batch.map((record) => record.entryId))).toEqual([['urn:uuid:1', 'urn:uuid:2', 'urn:uuid:3']]);
    expect(log).toEqual(['send', 'commit']);
    expect(store.moves).toEqual([
      { entryId: 'urn:uuid:3', entryUpdated: '2024-01-15T12:00:03Z', pageUrl: 'http://x/Pages(p1)', pageId: 'urn:uuid:p1' },
    ]);
    expect(outcome).toMatchObject({ published: 3, duplicates: 0, deadLetters: 0 });
  });

  it('skips an entry repeated on the page and one already published earlier', async () => {
    // Given entry 1 already published, and a page repeating entry 2
    store.remembered.add('urn:uuid:1');
    const outcome = await publisher.publish(page([entry(1), entry(2), entry(2), entry(3)]), session);
    // Then only 2 and 3 are sent, once each
    expect(sent[0].map((record) => record.entryId)).toEqual(['urn:uuid:2', 'urn:uuid:3']);
    expect(outcome).toMatchObject({ published: 2, duplicates: 2 });
  });

  it('does not move the checkpoint when Kafka does not acknowledge the page', async () => {
    sendFails = new Error('broker unavailable');
    await expect(publisher.publish(page([entry(1)]), session)).rejects.toThrow('broker unavailable');
    expect(log).toEqual([]);
    expect(store.moves).toEqual([]);
  });

  it('publishes the rest of a page around an unreadable entry, which goes to the dead-letter topic', async () => {
    const bad: WalkedItem = { issue: { entryId: 'urn:uuid:bad', rawXml: '<entry>bad</entry>', reason: 'no payload' } };
    const outcome = await publisher.publish(page([entry(1), bad, entry(2)]), session);
    expect(sent[0].map((record) => [record.kind, record.entryId])).toEqual([
      ['order-created', 'urn:uuid:1'],
      ['dead-letter', 'urn:uuid:bad'],
      ['order-created', 'urn:uuid:2'],
    ]);
    expect(outcome).toMatchObject({ published: 2, deadLetters: 1 });
  });
});

describe('checkpointMove', () => {
  it('takes the newest item with an Atom id, and the newest entry time as its fallback', () => {
    const idless: WalkedItem = { issue: { rawXml: '<entry/>', reason: 'no id' } };
    const withId: WalkedItem = { issue: { entryId: 'urn:uuid:bad', rawXml: '<entry/>', reason: 'no payload' } };
    expect(checkpointMove(page([entry(1), withId, idless]))).toMatchObject({ entryId: 'urn:uuid:bad', entryUpdated: '2024-01-15T12:00:01Z' });
    expect(checkpointMove(page([idless]))).toBeNull();
    expect(checkpointMove(page([]))).toBeNull();
  });
});
