import { TokenManager } from '../auth/token-manager';
import { FeedParseError } from '../feed/feed.errors';
import { IqmetrixHttp } from '../http/iqmetrix-http';
import { IqmetrixUnavailableError } from '../http/iqmetrix.errors';
import { IqmetrixTransport } from '../http/iqmetrix-transport';
import { CapturingLogger } from '../http/testing/capturing-logger';
import { FakeIqmetrix, testSettings } from '../http/testing/fake-iqmetrix';
import { ArchiveFeed, SUPPLIER } from './__fixtures__/archive-feed';
import { FeedArchiveLoopError, FeedPageInterruptedError } from './feed-walker.errors';
import { FeedWalker } from './feed-walker';

describe('FeedWalker failures', () => {
  let fake: FakeIqmetrix;
  let transport: IqmetrixTransport;
  let feed: ArchiveFeed;
  let walker: FeedWalker;

  beforeAll(() => CapturingLogger.install());
  beforeEach(async () => {
    fake = await FakeIqmetrix.start();
    transport = new IqmetrixTransport();
    const settings = testSettings(fake.url);
    const http = new IqmetrixHttp(settings.dropshipUrl, new TokenManager(settings, transport), transport);
    feed = new ArchiveFeed(fake.url, 5);
    fake.dropship = (request, response) => feed.handle(request, response);
    walker = new FeedWalker(http, { supplierId: SUPPLIER, pageCacheBytes: 0, retry: { baseMs: 1, maxMs: 5 } });
  });
  afterEach(async () => {
    await transport.close();
    await fake.close();
  });

  it('reports a body cut off by a dropped connection as a retriable interruption, not a malformed page', async () => {
    // Given an archive page whose connection drops halfway through its announced length
    feed.append(12);
    feed.fault = (index, body, response) => {
      if (index !== 1) return false;
      response.writeHead(200, { 'content-type': 'application/atom+xml', 'content-length': Buffer.byteLength(body) });
      response.write(body.slice(0, body.length / 2), () => response.socket?.destroy());
      return true;
    };
    // When the feed is read
    const failure = await walker.readSince(null).catch((error: unknown) => error);
    // Then the error is FEED.PAGE_INTERRUPTED, retriable, with the transport failure as its cause
    expect(failure).toBeInstanceOf(FeedPageInterruptedError);
    expect(failure).toMatchObject({ code: 'FEED.PAGE_INTERRUPTED', retriable: true });
    expect((failure as Error).cause).toBeInstanceOf(IqmetrixUnavailableError);
  });

  it('reports a body that ends cleanly but incomplete, with no length to check, as a malformed page', async () => {
    // Given an answer without Content-Length that ends properly after a cut-off document
    feed.append(3);
    feed.fault = (_index, body, response) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml' });
      response.end(body.slice(0, 100));
      return true;
    };
    // When read / Then nothing says the transfer failed: the page is malformed as received
    const failure = await walker.readSince(null).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FeedParseError);
    expect(failure).toMatchObject({ code: 'FEED.MALFORMED_PAGE', retriable: false });
  });

  it('refuses a page with a DOCTYPE while scanning', async () => {
    feed.append(3);
    feed.fault = (_index, body, response) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml' });
      response.end(body.replace('<feed', '<!DOCTYPE feed [<!ENTITY a "aaaa">]><feed'));
      return true;
    };
    await expect(walker.readSince(null)).rejects.toMatchObject({ code: 'FEED.DTD_FORBIDDEN' });
  });

  it('detects archive links that loop back to a page already visited', async () => {
    // Given page 0 whose prev-archive points at page 1 again
    feed.append(12);
    feed.fault = (index, body, response) => {
      if (index !== 0) return false;
      response.writeHead(200, { 'content-type': 'application/atom+xml' });
      response.end(body.replace('<link rel="self"', `<link rel="prev-archive" href="${feed.pageUrl(2)}"/><link rel="self"`));
      return true;
    };
    await expect(walker.readSince(null)).rejects.toBeInstanceOf(FeedArchiveLoopError);
  });

  it('retries a page that failed for a passing reason, so one hiccup does not fail a long walk', async () => {
    // Given an archive page answered 503 once, and a page cut off once
    const ids = feed.append(12);
    const failures = new Map([[0, 1], [1, 1]]);
    feed.fault = (index, body, response) => {
      const left = failures.get(index) ?? 0;
      if (left === 0) return false;
      failures.set(index, left - 1);
      if (index === 0) response.writeHead(503).end('busy');
      else response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).write(body.slice(0, 50), () => response.socket?.destroy());
      return true;
    };
    // When the feed is read / Then everything comes: page 0 was asked for again (twice in the scan, once read)
    expect((await walker.readSince(null)).entries.map((e) => e.entryId)).toEqual(ids);
    expect(fake.dropshipRequests().filter((request) => request.url.endsWith('Pages(page-0)'))).toHaveLength(3);
  });

  it('passes the HTTP client errors on as they are once the retries are spent (a 503 that lasts)', async () => {
    feed.append(12);
    feed.fault = (index, _body, response) => {
      if (index !== 0) return false;
      response.writeHead(503).end('busy');
      return true;
    };
    await expect(walker.readSince(null)).rejects.toMatchObject({ code: 'IQMETRIX.UNAVAILABLE', retriable: true });
    expect(fake.dropshipRequests().filter((request) => request.url.endsWith('Pages(page-0)'))).toHaveLength(4);
  });

  it('does not retry a page that is malformed as a whole', async () => {
    feed.append(3);
    feed.fault = (_index, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml' }).end('<feed xmlns="http://www.w3.org/2005/Atom"><entry></feed>');
      return true;
    };
    await expect(walker.readSince(null)).rejects.toMatchObject({ code: 'FEED.MALFORMED_PAGE' });
    expect(fake.dropshipRequests()).toHaveLength(1);
  });

  it('stops scanning when the signal is aborted', async () => {
    feed.append(12);
    const controller = new AbortController();
    controller.abort();
    await expect(walker.plan({ kind: 'beginning' }, { signal: controller.signal })).rejects.toThrow();
    expect(fake.dropshipRequests()).toHaveLength(0);
  });

  it('reads a feed written with prefixes and no entries at all', async () => {
    // Given an empty current page whose Atom elements use a prefix
    fake.dropship = (_request, response) =>
      response
        .writeHead(200, { 'content-type': 'application/atom+xml' })
        .end('<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:id>urn:uuid:p</a:id><a:link rel="self" href="x"/></a:feed>');
    // When read / Then it is one page with nothing new
    const result = await walker.readSince(null);
    expect(result).toMatchObject({ status: 'beginning', entries: [], issues: [], pages: [{ id: 'urn:uuid:p', selfUrl: 'x' }] });
  });
});
