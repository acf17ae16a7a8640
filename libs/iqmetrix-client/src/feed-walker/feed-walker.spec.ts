import { TokenManager } from '../auth/token-manager';
import { IqmetrixHttp } from '../http/iqmetrix-http';
import { IqmetrixTransport } from '../http/iqmetrix-transport';
import { CapturingLogger } from '../http/testing/capturing-logger';
import { FakeIqmetrix, testSettings } from '../http/testing/fake-iqmetrix';
import { ArchiveFeed, FEED_PATH, SUPPLIER } from './__fixtures__/archive-feed';
import { FeedWalker } from './feed-walker';
import type { FeedWalkerOptions, PageFetch } from './feed-walker.types';

describe('FeedWalker', () => {
  let fake: FakeIqmetrix;
  let transport: IqmetrixTransport;
  let http: IqmetrixHttp;
  let feed: ArchiveFeed;
  let logs: CapturingLogger;
  let fetches: PageFetch[];

  const walker = (options: Partial<FeedWalkerOptions> = {}) =>
    new FeedWalker(http, { supplierId: SUPPLIER, onFetch: (fetch) => fetches.push(fetch), ...options });
  const fetched = (phase: PageFetch['phase']) => fetches.filter((fetch) => fetch.phase === phase).map((fetch) => fetch.url);

  beforeEach(async () => {
    logs = CapturingLogger.install();
    fake = await FakeIqmetrix.start();
    transport = new IqmetrixTransport();
    const settings = testSettings(fake.url);
    http = new IqmetrixHttp(settings.dropshipUrl, new TokenManager(settings, transport), transport);
    feed = new ArchiveFeed(fake.url, 5);
    fake.dropship = (request, response) => feed.handle(request, response);
    fetches = [];
  });
  afterEach(async () => {
    await transport.close();
    await fake.close();
  });

  it('reads the whole archive oldest first when there is no checkpoint', async () => {
    // Given 23 entries over 5 pages (4 archives and the current page)
    const ids = feed.append(23);
    // When everything since "nothing" is read
    const result = await walker().readSince(null);
    // Then every entry comes once, oldest first, and each page was fetched once (the scan kept them)
    expect(result.status).toBe('beginning');
    expect(result.entries.map((e) => e.entryId)).toEqual(ids);
    expect(result.pages.map((p) => p.id)).toEqual([0, 1, 2, 3, 4].map((i) => `urn:uuid:page-${i}`));
    expect(fetched('scan')).toEqual([FEED_PATH, ...[3, 2, 1, 0].map((i) => feed.pageUrl(i))]);
    expect(fetched('read')).toEqual([]);
  });

  it('walks back across archive pages to the checkpoint and returns only what follows it', async () => {
    // Given a checkpoint on the third page from the top (page 1 of 0..4)
    const ids = feed.append(23);
    const checkpoint = { entryId: ids[7], updated: feed.entries[7].updated };
    // When reading since it
    const result = await walker().readSince(checkpoint);
    // Then exactly the entries after it, oldest first, from its page to the current one
    expect(result.status).toBe('found');
    expect(result.entries.map((e) => e.entryId)).toEqual(ids.slice(8));
    expect(result.pages.map((p) => p.selfUrl)).toEqual([1, 2, 3, 4].map((i) => feed.pageUrl(i)));
    // And the scan stopped at the checkpoint's page
    expect(fetched('scan')).toEqual([FEED_PATH, feed.pageUrl(3), feed.pageUrl(2), feed.pageUrl(1)]);
  });

  it('returns nothing when the checkpoint is the newest entry', async () => {
    const ids = feed.append(12);
    const result = await walker().readSince({ entryId: ids[11] });
    expect(result.entries).toEqual([]);
    expect(fetches).toHaveLength(1);
  });

  it('reads pages again through their self links when they do not fit the page cache', async () => {
    // Given a walker that may keep no page bytes between its passes
    const ids = feed.append(12);
    // When reading everything after entry 2
    const result = await walker({ pageCacheBytes: 0 }).readSince({ entryId: ids[2] });
    // Then the read pass fetched each page by its self href, the current page included
    expect(result.entries.map((e) => e.entryId)).toEqual(ids.slice(3));
    expect(fetched('read')).toEqual([0, 1, 2].map((i) => feed.pageUrl(i)));
  });

  it('falls back to the checkpoint time, loudly, when its entry is gone from the feed', async () => {
    // Given a checkpoint whose entry id the feed does not have, dated like entry 9
    const ids = feed.append(23);
    const checkpoint = { entryId: 'urn:uuid:expired', updated: feed.entries[9].updated };
    // When reading since it
    const result = await walker().readSince(checkpoint);
    // Then entries updated at or after that time are read, and an error says why
    expect(result.status).toBe('passed');
    expect(result.entries.map((e) => e.entryId)).toEqual(ids.slice(9));
    expect(logs.text()).toMatch(/error .*checkpoint entry not found on the feed/);
  });

  it('reads the whole archive when the checkpoint entry is gone and has no time', async () => {
    const ids = feed.append(11);
    const result = await walker().readSince({ entryId: 'urn:uuid:unknown' });
    expect(result.status).toBe('exhausted');
    expect(result.entries.map((e) => e.entryId)).toEqual(ids);
    expect(logs.text()).toMatch(/error .*not found anywhere in the feed archive/);
  });

  it('reads everything updated since a time, walking back to the first page wholly older than it', async () => {
    // Given 23 entries one second apart
    const ids = feed.append(23);
    // When a walk starts at entry 16's time
    const walk = await walker().plan({ kind: 'since', time: new Date(feed.entries[16].updated) });
    const read: string[] = [];
    for await (const page of walk.read()) read.push(...page.items.map((item) => item.entry?.entryId ?? ''));
    // Then entries 16.. are read; the scan went back to page 2 (entries 10-14, all older), which is not read
    expect(walk.status).toBe('passed');
    expect(read).toEqual(ids.slice(16));
    expect(fetched('scan')).toEqual([FEED_PATH, feed.pageUrl(3), feed.pageUrl(2)]);
    expect(walk.pages.map((page) => page.selfUrl)).toEqual([3, 4].map((i) => feed.pageUrl(i)));
  });

  it('reads everything since a time past an old entry delivered again among newer ones', async () => {
    // Given entries 0-18, then entry 2 delivered again (with its own old time), then entries 20-22
    const ids = feed.append(19);
    feed.appendXml(ids[2], feed.entries[2].xml);
    const after = feed.append(3);
    // When a walk starts at entry 16's time
    const walk = await walker().plan({ kind: 'since', time: new Date(feed.entries[16].updated) });
    const read: string[] = [];
    for await (const page of walk.read()) read.push(...page.items.map((item) => item.entry?.entryId ?? ''));
    // Then entries 16-18 behind the old one are read too (the old one is read again: consumers de-duplicate)
    expect(walk.status).toBe('passed');
    expect(read).toEqual([...ids.slice(16), ids[2], ...after]);
  });

  it('treats a duplicated checkpoint entry as one: nothing after either copy is skipped or repeated', async () => {
    // Given entry 6 repeated right after itself (at-least-once feed), then more entries
    const ids = feed.append(7);
    feed.appendXml(ids[6], feed.entries[6].xml);
    const later = feed.append(4);
    // When reading since entry 6
    const result = await walker().readSince({ entryId: ids[6] });
    // Then only the entries after both copies come
    expect(result.entries.map((e) => e.entryId)).toEqual(later);
  });

  it('reads what came between the checkpoint entry and a copy of it delivered again later', async () => {
    // Given a checkpoint at entry 6, then entries 7-11, entry 6 again (at-least-once), and entry 13
    const ids = feed.append(7);
    const checkpoint = { entryId: ids[6], updated: feed.entries[6].updated };
    const between = feed.append(5);
    feed.appendXml(ids[6], feed.entries[6].xml);
    const later = feed.append(1);
    // When reading since the checkpoint (the newer copy is on a newer page than the original)
    const result = await walker().readSince(checkpoint);
    // Then everything after the original comes, and the copy is not repeated
    expect(result.status).toBe('found');
    expect(result.entries.map((e) => e.entryId)).toEqual([...between, ...later]);
    expect(result.pages.map((p) => p.selfUrl)).toEqual([1, 2].map((i) => feed.pageUrl(i)));
  });

  it('does not take an old entry delivered again, or a clock skew, behind the checkpoint for the place the walk starts', async () => {
    // Given a checkpoint at entry 6, then entry 7, entry 3 delivered again with its old time,
    // a new entry stamped a second before the checkpoint, and entry 10
    const ids = feed.append(7);
    const checkpoint = { entryId: ids[6], updated: feed.entries[6].updated };
    const [seventh] = feed.append(1);
    feed.appendXml(ids[3], feed.entries[3].xml);
    const skewed = feed.appendXml('urn:uuid:skewed', feed.entries[5].xml.replaceAll(ids[5], 'urn:uuid:skewed'));
    const later = feed.append(1);
    // When reading since the checkpoint
    const result = await walker().readSince(checkpoint);
    // Then nothing after the checkpoint is skipped: the old entry comes again (consumers de-duplicate)
    expect(result.status).toBe('found');
    expect(result.entries.map((e) => e.entryId)).toEqual([seventh, ids[3], skewed, ...later]);
    // And a poll whose checkpoint has older entries behind it on the same page scans that page only
    const next = feed.append(2);
    fetches = [];
    const poll = await walker().readSince({ entryId: next[0], updated: feed.entries[11].updated });
    expect(poll.entries.map((e) => e.entryId)).toEqual([next[1]]);
    expect(fetched('scan')).toEqual([FEED_PATH]);
  });

  it('reports an unreadable entry with its raw XML and page, and reads the rest of the page', async () => {
    // Given a page with an entry whose payload has no order id, between two good ones
    const before = feed.append(2);
    feed.appendXml('urn:uuid:bad', '<entry><id>urn:uuid:bad</id><updated>2024-01-15T12:00:02Z</updated></entry>');
    const after = feed.append(2);
    // When the feed is read
    const result = await walker().readSince(null);
    // Then the issue carries its XML, reason and page, and the other entries are all there
    expect(result.entries.map((e) => e.entryId)).toEqual([...before, ...after]);
    expect(result.issues).toEqual([
      expect.objectContaining({ entryId: 'urn:uuid:bad', rawXml: expect.stringContaining('urn:uuid:bad'), reason: expect.any(String) }),
    ]);
    expect(result.issues[0].page.id).toBe('urn:uuid:page-0');
    // And a checkpoint on the unreadable entry is found like any other
    expect((await walker().readSince({ entryId: 'urn:uuid:bad' })).entries.map((e) => e.entryId)).toEqual(after);
  });

  it('stops at a page that moved on since the scan instead of skipping entries', async () => {
    // Given a current page that gets archived between the scan and the read (no page cache)
    const ids = feed.append(8);
    const walk = await walker({ pageCacheBytes: 0 }).plan({ kind: 'after-entry', entryId: ids[1] });
    feed.append(5);
    feed.fault = (index, _body, response) => {
      if (index !== 1) return false;
      // The read asks for the scanned current page by self (page-1) but gets another page's id.
      const other = feed.render(2);
      response.writeHead(200, { 'content-type': 'application/atom+xml' }).end(other);
      return true;
    };
    // When read
    const read: string[] = [];
    for await (const page of walk.read()) read.push(...page.items.map((item) => item.entry?.entryId ?? ''));
    // Then the walk ended after the archive page, leaving the rest to the next walk
    expect(read).toEqual(ids.slice(2, 5));
    expect(logs.text()).toMatch(/feed page changed since the scan/);
  });
});
