import type { SandboxOrder } from '../orders/order-types';
import { startSandbox, type RunningSandbox } from '../server';
import { orderIdOf, parseFeed } from '../test-support/atom-feed';
import { admin, adminJson, get, getToken, putStatus } from '../test-support/sandbox-client';
import { valueAt } from '../test-support/xml-tree';

const ORDER = '0b05f9fb-1210-4494-b654-d051948716b4';

describe('admin API under /_sandbox', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'admin' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  async function readFeed(): Promise<ReturnType<typeof parseFeed>> {
    const { access_token: token } = await getToken(sandbox);
    return parseFeed(await (await get(sandbox.feedUrl, token)).text());
  }

  it('creates orders from partial input, completing the rest, and publishes them in the feed', async () => {
    // When an order is given with only an id, a seller field and one SKU
    const created = await adminJson<{ count: number; orders: SandboxOrder[] }>(sandbox, 'POST', '/orders', [
      { orderId: ORDER, seller: { printableId: '02146912' }, items: [{ sku: 'AB-JH0786-MI', sellingPrice: 19.99 }] },
    ]);
    // Then the order is complete and its entry carries the given values
    expect(created.count).toBe(1);
    expect(created.orders[0]).toMatchObject({ orderId: ORDER, supplierId: 60455, items: [{ sku: 'AB-JH0786-MI', quantity: 1, sellingPrice: '19.99' }] });
    const [entry] = (await readFeed()).entries;
    expect(entry.title).toBe('Dropship Order Created');
    expect(orderIdOf(entry)).toBe(ORDER);
    expect(valueAt(entry.payload, 'seller/printable-id')).toBe('02146912');
    expect(valueAt(entry.payload, 'seller/company-id')).toMatch(/^\d+$/);
  });

  it('refuses an order id that already exists with 409 and creates nothing', async () => {
    // Given an existing order
    await adminJson(sandbox, 'POST', '/orders', [{ orderId: ORDER }]);
    // When a list with a new order and the same id again is posted
    const response = await admin(sandbox, 'POST', '/orders', [{ orderId: 'new-order' }, { orderId: ORDER }]);
    // Then 409 and the new order was not created either
    expect(response.status).toBe(409);
    expect(sandbox.state.orders.size).toBe(1);
  });

  it('refuses unknown fields with 400', async () => {
    // When an order has a misspelt field
    const response = await admin(sandbox, 'POST', '/orders', [{ orderID: ORDER }]);
    // Then 400 names it
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/orderID/);
  });

  it('generates the same orders for the same seed', async () => {
    // When five orders are generated with seed 7 on two fresh sandboxes
    const other = await startSandbox({ port: 0, seed: 'something else' });
    try {
      const first = await adminJson<{ orders: SandboxOrder[] }>(sandbox, 'POST', '/orders', { generate: 5, seed: 7 });
      const second = await adminJson<{ orders: SandboxOrder[] }>(other, 'POST', '/orders', { generate: 5, seed: 7 });
      // Then they are identical
      expect(second.orders).toEqual(first.orders);
      expect(first.orders).toHaveLength(5);
    } finally {
      await other.close();
    }
  });

  it('generates ship-to-store orders with a nil address type when asked', async () => {
    // When store orders are generated
    await adminJson(sandbox, 'POST', '/orders', { generate: 3, shipToStore: true });
    // Then every entry says ship-to-store with a nil address type
    const feed = await readFeed();
    expect(feed.entries.map((entry) => [valueAt(entry.payload, 'ship-to-store'), valueAt(entry.payload, 'shipping-address/type')])).toEqual([
      ['true', null], ['true', null], ['true', null],
    ]);
  });

  it('shows an order with its status, items and tracking, and 404 for an unknown one', async () => {
    // Given an order shipped with a tracking number
    await adminJson(sandbox, 'POST', '/orders', [{ orderId: ORDER, items: [{ sku: 'AB-JH0786-MI' }] }]);
    const { access_token: token } = await getToken(sandbox);
    await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 2, TrackingInfo: '1Z1' } });
    // When it is read (id in another letter case), and an unknown one too
    const view = await adminJson(sandbox, 'GET', `/orders/${ORDER.toUpperCase()}`);
    const missing = await admin(sandbox, 'GET', '/orders/nope');
    // Then the view has the state and the count of updates
    expect(view).toMatchObject({ orderId: ORDER, status: 'Shipped', trackingInfo: '1Z1', acceptedUpdates: 1, receivedUpdates: 1 });
    expect(view.items).toEqual([expect.objectContaining({ sku: 'AB-JH0786-MI', status: 'Shipped', trackingInfo: '1Z1' })]);
    expect(missing.status).toBe(404);
  });

  it('lists every PUT received across orders', async () => {
    // Given two PUTs, one refused
    await adminJson(sandbox, 'POST', '/orders', [{ orderId: ORDER }]);
    const { access_token: token } = await getToken(sandbox);
    await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 1 } });
    await putStatus(sandbox, token, { orderId: 'unknown', body: { Id: 'unknown', Status: 1 } });
    // When all updates are listed
    const all = await adminJson<{ count: number; updates: { orderId: string; accepted: boolean }[] }>(sandbox, 'GET', '/updates');
    // Then both are counted in arrival order
    expect(all.count).toBe(2);
    expect(all.updates.map((u) => [u.orderId, u.accepted])).toEqual([[ORDER, true], ['unknown', false]]);
  });

  it('republishes an order as a second order-created entry with a new entry id', async () => {
    // Given an order
    await adminJson(sandbox, 'POST', '/orders', [{ orderId: ORDER }]);
    // When it is republished
    await adminJson(sandbox, 'POST', `/orders/${ORDER}/republish`);
    // Then the feed has two entries for it with different ids
    const feed = await readFeed();
    expect(feed.entries.map(orderIdOf)).toEqual([ORDER, ORDER]);
    expect(feed.entries[0].id).not.toBe(feed.entries[1].id);
  });

  it('appends a raw entry verbatim', async () => {
    // Given a malformed-payload entry
    const raw = '<entry><id>urn:uuid:raw-1</id><title type="text">Dropship Order Created</title><content type="application/xml"><order-created xmlns="urn:iQmetrix:dropship"><order-id/></order-created></content></entry>';
    // When it is appended as text
    const response = await fetch(`${sandbox.url}/_sandbox/feed/raw`, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: raw });
    // Then the feed carries it unchanged
    expect(response.status).toBe(201);
    const { access_token: token } = await getToken(sandbox);
    expect(await (await get(sandbox.feedUrl, token)).text()).toContain(raw);
  });

  it('counts requests by route and status, PUTs and tokens', async () => {
    // Given a token, a feed read, a refused feed read and an accepted PUT
    await adminJson(sandbox, 'POST', '/orders', [{ orderId: ORDER }]);
    const { access_token: token } = await getToken(sandbox);
    await get(sandbox.feedUrl, token);
    await get(sandbox.feedUrl);
    await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 1 } });
    // When the stats are read
    const stats = await adminJson<{ requests: Record<string, Record<string, number>>; counters: Record<string, number> }>(sandbox, 'GET', '/stats');
    // Then they add up
    expect(stats.requests['feed.current']).toEqual({ '200': 1, '401': 1 });
    expect(stats.requests['status.order']).toEqual({ '202': 1 });
    expect(stats.counters).toMatchObject({ tokensIssued: 1, putsAccepted: 1, ordersCreated: 1 });
  });

  it('moves the clock forward so tokens expire without waiting', async () => {
    // Given a token
    const { access_token: token, expires_in: ttl } = await getToken(sandbox);
    // When the clock is advanced past its lifetime
    const before = Date.parse((await adminJson<{ now: string }>(sandbox, 'GET', '/clock')).now);
    const after = Date.parse((await adminJson<{ now: string }>(sandbox, 'POST', '/clock', { advanceSeconds: ttl + 1 })).now);
    // Then the clock moved and the token is refused
    expect(after - before).toBeGreaterThanOrEqual((ttl + 1) * 1000);
    expect((await get(sandbox.feedUrl, token)).status).toBe(401);
  });
});
