import { startSandbox, type RunningSandbox } from '../server';
import { ManualClock } from '../support/clock';
import { orderIdOf, pageGuidOf, parseFeed, type ParsedFeed } from '../test-support/atom-feed';
import { get, getToken } from '../test-support/sandbox-client';

describe('notification feed paging (Atom + RFC 5005 archives)', () => {
  const clock = new ManualClock(Date.UTC(2024, 0, 15, 12, 0, 0));
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, clock, seed: 'paging' });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.reset();
    clock.set(Date.UTC(2024, 0, 15, 12, 0, 0));
    token = (await getToken(sandbox)).access_token;
  });

  /** Creates orders one second apart; returns their ids oldest first. */
  function createOrders(count: number): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      clock.advance(1000);
      ids.push(...sandbox.generateOrders(1).map((order) => order.orderId));
    }
    return ids;
  }

  async function readFeed(url: string): Promise<ParsedFeed> {
    const response = await get(url, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    return parseFeed(await response.text());
  }

  it('splits 137 orders into pages of 50, 50 and 37, the current page holding the newest, each newest first', async () => {
    // Given 137 orders created in order
    const ids = createOrders(137);
    // When the current page and its archives are read through prev-archive
    const current = await readFeed(sandbox.feedUrl);
    const middle = await readFeed(current.links['prev-archive']);
    const oldest = await readFeed(middle.links['prev-archive']);
    // Then the current page has the newest 37, the archives 50 each, every page newest first
    expect(current.entries.map(orderIdOf)).toEqual(ids.slice(100).reverse());
    expect(middle.entries.map(orderIdOf)).toEqual(ids.slice(50, 100).reverse());
    expect(oldest.entries.map(orderIdOf)).toEqual(ids.slice(0, 50).reverse());
    expect(oldest.links['prev-archive']).toBeUndefined();
  });

  it('links pages as the reference says: current, self as Pages(guid), next-archive only on archives', async () => {
    // Given 137 orders
    createOrders(137);
    // When the three pages are read
    const current = await readFeed(sandbox.feedUrl);
    const middle = await readFeed(current.links['prev-archive']);
    const oldest = await readFeed(middle.links['prev-archive']);
    // Then every page points to the current feed and to itself by its id
    for (const page of [current, middle, oldest]) {
      expect(page.links.current).toBe(sandbox.feedUrl);
      expect(page.links.self).toBe(`${sandbox.feedUrl}/Pages(${page.id.replace('urn:uuid:', '')})`);
      expect(page.title).toBe('Dropship Order Event Feed');
      expect(page.author).toBe('iQmetrix');
      expect(page.root.uri).toBe('http://www.w3.org/2005/Atom');
    }
    // And next-archive walks back up to the current page's self link
    expect(current.links['next-archive']).toBeUndefined();
    expect(oldest.links['next-archive']).toBe(middle.links.self);
    expect(middle.links['next-archive']).toBe(current.links.self);
  });

  it('serves the current page under its own self link', async () => {
    // Given a few orders
    createOrders(3);
    const current = await readFeed(sandbox.feedUrl);
    // When the self link is followed
    const bySelf = await readFeed(current.links.self);
    // Then it is the same page
    expect(bySelf.id).toBe(current.id);
    expect(bySelf.entries.map((entry) => entry.id)).toEqual(current.entries.map((entry) => entry.id));
  });

  it('archives the full current page under the guid it had as the current page', async () => {
    // Given a current page with exactly 50 entries
    const ids = createOrders(50);
    const full = await readFeed(sandbox.feedUrl);
    expect(full.entries).toHaveLength(50);
    // When one more order arrives
    const [newest] = createOrders(1);
    const current = await readFeed(sandbox.feedUrl);
    // Then the current page is new and holds only that order, and the old page is its archive, unchanged
    expect(current.id).not.toBe(full.id);
    expect(current.entries.map(orderIdOf)).toEqual([newest]);
    expect(pageGuidOf(current.links['prev-archive'])).toBe(pageGuidOf(full.links.self));
    const archived = await readFeed(current.links['prev-archive']);
    expect(archived.id).toBe(full.id);
    expect(archived.entries.map(orderIdOf)).toEqual(ids.slice().reverse());
  });

  it('dates a page by its newest entry and writes whole-second UTC times', async () => {
    // Given two orders, the newest at 12:00:02
    createOrders(2);
    // When the feed is read
    const current = await readFeed(sandbox.feedUrl);
    // Then updated is the newest entry's time
    expect(current.updated).toBe('2024-01-15T12:00:02Z');
    expect(current.entries[0].published).toBe('2024-01-15T12:00:02Z');
    expect(current.entries[1].updated).toBe('2024-01-15T12:00:01Z');
  });

  it('answers 400 "The request is invalid" for an unknown page id', async () => {
    // When a page id that never existed is requested
    const response = await get(`${sandbox.feedUrl}/Pages(0b05f9fb-1210-4494-b654-d051948716b4)`, token);
    // Then 400 with the documented message
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ Message: 'The request is invalid' });
  });

  it('answers 400 "Cannot find supplier identifier in the uri" for another supplier id', async () => {
    // When another supplier's feed is requested
    const response = await get(`${sandbox.url}/v1/Suppliers(99999)/Notifications`, token);
    // Then 400 with the documented message
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ Message: 'Cannot find supplier identifier in the uri' });
  });

  it('accepts the feed paths in any letter case', async () => {
    // Given an order
    createOrders(1);
    const current = await readFeed(sandbox.feedUrl);
    // When the paths are written in lower case
    const lower = await readFeed(`${sandbox.url}/v1/suppliers(60455)/notifications`);
    const page = await readFeed(`${sandbox.url}/v1/suppliers(60455)/notifications/pages(${pageGuidOf(current.links.self)})`);
    // Then they are the same resources
    expect(lower.id).toBe(current.id);
    expect(page.id).toBe(current.id);
  });

  it('builds links on the Host the client used', async () => {
    // Given the sandbox reached as "localhost" rather than 127.0.0.1
    const viaLocalhost = sandbox.feedUrl.replace('127.0.0.1', 'localhost');
    // When the feed is read that way
    const feed = await readFeed(viaLocalhost);
    // Then its links use that host
    expect(feed.links.current).toBe(viaLocalhost);
  });
});
