import { startSandbox } from '../server';
import { parseFeed } from '../test-support/atom-feed';
import { get, getToken } from '../test-support/sandbox-client';

describe('feed links with a configured public URL', () => {
  it('builds every link on the public URL whatever Host the request had', async () => {
    // Given a sandbox published as https://dropshipdemo.example.test behind a proxy
    const sandbox = await startSandbox({ port: 0, publicUrl: 'https://dropshipdemo.example.test/' });
    try {
      const { access_token: token } = await getToken(sandbox);
      // When the feed is read directly
      const response = await get(`${sandbox.url}/v1/Suppliers(60455)/Notifications`, token);
      const feed = parseFeed(await response.text());
      // Then links use the public URL, without a doubled slash
      expect(feed.links.current).toBe('https://dropshipdemo.example.test/v1/Suppliers(60455)/Notifications');
      expect(feed.links.self).toMatch(/^https:\/\/dropshipdemo\.example\.test\/v1\/Suppliers\(60455\)\/Notifications\/Pages\(/);
      expect(sandbox.feedUrl).toBe(feed.links.current);
    } finally {
      await sandbox.close();
    }
  });
});
