import { startSandbox, type RunningSandbox } from '../server';
import { parseFeed } from '../test-support/atom-feed';
import { admin, adminJson, get, getToken, passwordForm, postForm, putStatus } from '../test-support/sandbox-client';
import { Faults } from './faults';

const ORDER = '0b05f9fb-1210-4494-b654-d051948716b4';

describe('injected faults', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'faults' });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.reset();
    sandbox.createOrders([{ orderId: ORDER, items: [{ sku: 'AB-JH0786-MI' }] }]);
    token = (await getToken(sandbox)).access_token;
  });

  it('answers 503 to every matching request with errorRate 1, and stops after DELETE', async () => {
    // Given every feed request failing
    await adminJson(sandbox, 'POST', '/faults', { errorRate: 1, errorPaths: 'feed' });
    // When the feed is read and a status PUT is made
    const feed = await get(sandbox.feedUrl, token);
    const put = await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 1 } });
    // Then the feed fails with 503 (with rate-limit headers) and the PUT, not targeted, succeeds
    expect(feed.status).toBe(503);
    expect(feed.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(put.status).toBe(202);
    // And after DELETE the feed answers again
    await admin(sandbox, 'DELETE', '/faults');
    expect((await get(sandbox.feedUrl, token)).status).toBe(200);
  });

  it('uses the configured error status on token requests', async () => {
    // Given token requests failing with 500
    await adminJson(sandbox, 'POST', '/faults', { errorRate: 1, errorStatus: 500, errorPaths: 'token' });
    // When a token is requested
    const response = await postForm(sandbox, passwordForm(sandbox));
    // Then 500
    expect(response.status).toBe(500);
  });

  it('destroys the connection without an answer with dropConnectionRate 1', async () => {
    // Given every PUT dropped
    await adminJson(sandbox, 'POST', '/faults', { dropConnectionRate: 1, errorPaths: 'put' });
    // When a PUT is made
    const attempt = putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 1 } });
    // Then the client sees a network error and the sandbox counted the drop
    await expect(attempt).rejects.toThrow(/fetch failed/);
    expect(sandbox.state.stats.get('droppedConnections')).toBe(1);
    expect(sandbox.state.orders.get(ORDER)?.status).toBe('PendingSupplier');
  });

  it('appends each new entry twice with the same entry id with duplicateEntryRate 1', async () => {
    // Given duplication on
    await adminJson(sandbox, 'POST', '/faults', { duplicateEntryRate: 1 });
    // When an order is created
    const [order] = sandbox.generateOrders(1);
    // Then its entry appears twice, same id, same order
    const feed = parseFeed(await (await get(sandbox.feedUrl, token)).text());
    const [first, second] = feed.entries;
    expect(first.id).toBe(second.id);
    expect(first.id).toMatch(/^urn:uuid:/);
    expect(feed.entries.filter((entry) => entry.id === first.id)).toHaveLength(2);
    expect(first.payload.children.find((c) => c.name === 'order-id')?.text).toBe(order.orderId);
  });

  it('still answers when latency is injected', async () => {
    // Given a short injected delay on the feed
    await adminJson(sandbox, 'POST', '/faults', { latencyMs: 5, errorPaths: 'feed' });
    // When the feed is read
    const response = await get(sandbox.feedUrl, token);
    // Then the answer is normal
    expect(response.status).toBe(200);
  });

  it('refuses invalid fault settings with 400', async () => {
    // When a rate above 1 is posted
    const response = await admin(sandbox, 'POST', '/faults', { errorRate: 2 });
    // Then 400 explains it
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/errorRate must be a number from 0 to 1/);
  });
});

describe('Faults decisions', () => {
  it('repeat exactly for the same seed', () => {
    // Given two fault sets with the same seed and a 50 % error rate
    const a = new Faults('seed-1');
    const b = new Faults('seed-1');
    a.configure({ errorRate: 0.5 });
    b.configure({ errorRate: 0.5 });
    // When 40 decisions are drawn from each
    const draw = (faults: Faults): boolean[] => Array.from({ length: 40 }, () => faults.decide('feed').errorStatus !== undefined);
    const first = draw(a);
    // Then they are identical, and some fail and some pass
    expect(draw(b)).toEqual(first);
    expect(first).toContain(true);
    expect(first).toContain(false);
  });

  it('leave requests outside errorPaths alone', () => {
    // Given errors on PUTs only
    const faults = new Faults('x');
    faults.configure({ errorRate: 1, errorPaths: 'put' });
    // Then feed and token requests are untouched and PUTs fail
    expect(faults.decide('feed').errorStatus).toBeUndefined();
    expect(faults.decide('token').errorStatus).toBeUndefined();
    expect(faults.decide('put').errorStatus).toBe(503);
  });
});
