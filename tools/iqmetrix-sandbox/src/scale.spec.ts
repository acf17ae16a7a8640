import { startSandbox, type RunningSandbox } from './server';
import { get, getToken } from './test-support/sandbox-client';

// Seeding and walking 20,000 orders takes a few seconds on a busy machine; no speed is asserted.
const GENEROUS_TIMEOUT_MS = 120_000;

describe('a sandbox with 20,000 orders', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seedOrders: 20_000, seed: 'scale' });
  }, GENEROUS_TIMEOUT_MS);
  afterAll(() => sandbox.close());

  it(
    'keeps them in 400 pages that a client can walk from the current page to the oldest',
    async () => {
      // Given a token
      const { access_token: token } = await getToken(sandbox);
      // When prev-archive links are followed from the current page to the end (plain text scan:
      // 40 MB of XML through a full parser would only slow the test down)
      let url: string | undefined = sandbox.feedUrl;
      let pages = 0;
      let entries = 0;
      const entryIds = new Set<string>();
      while (url) {
        const xml = await (await get(url, token)).text();
        pages += 1;
        for (const match of xml.matchAll(/<entry>\s*<id>urn:uuid:([^<]+)<\/id>/g)) {
          entries += 1;
          entryIds.add(match[1]);
        }
        url = /<link rel="prev-archive" href="([^"]+)"/.exec(xml)?.[1];
      }
      // Then every order was seen once, 50 per page
      expect(pages).toBe(400);
      expect(entries).toBe(20_000);
      expect(entryIds.size).toBe(20_000);
    },
    GENEROUS_TIMEOUT_MS,
  );
});
