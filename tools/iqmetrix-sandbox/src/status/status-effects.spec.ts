import type { OrderRecord } from '../orders/order-store';
import { startSandbox, type RunningSandbox } from '../server';
import { orderIdOf, parseFeed, type ParsedEntry } from '../test-support/atom-feed';
import { get, getToken, putStatus } from '../test-support/sandbox-client';
import { findAll, valueAt } from '../test-support/xml-tree';

const ORDER = '0b05f9fb-1210-4494-b654-d051948716b4';

describe('PUT status updates: echo, stored state and feed entries', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.reset();
    sandbox.createOrders([
      { orderId: ORDER, seller: { companyId: 50068 }, items: [{ sku: 'AB-JH0786-MI', quantity: 2 }, { sku: 'EM-JH0730-MI' }] },
    ]);
    token = (await getToken(sandbox)).access_token;
  });

  function storedOrder(): OrderRecord {
    const record = sandbox.state.orders.get(ORDER);
    if (!record) throw new Error('order missing');
    return record;
  }

  async function newestEntry(): Promise<ParsedEntry> {
    const feed = parseFeed(await (await get(sandbox.feedUrl, token)).text());
    return feed.entries[0];
  }

  it('accepts an order-level update with 202 and echoes it, unset fields null, the status in the form sent', async () => {
    // When the order is shipped with the status as a number
    const body = { Id: ORDER, Status: 2, TrackingInfo: '1Z863YY60392796356', ShippingProvider: 'UPS' };
    const response = await putStatus(sandbox, token, { orderId: ORDER, body });
    // Then 202 with the echo
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ ...body, Info: null, Message: null });
  });

  it('echoes a status sent by name as its name', async () => {
    // When the status is sent as "ordered" (any case)
    const response = await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 'ordered' } });
    // Then the canonical name comes back
    expect(((await response.json()) as { Status: unknown }).Status).toBe('Ordered');
  });

  it('applies an order-level status to the order and every item, and appends an order-status-updated entry', async () => {
    // When the order is shipped
    await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 'Shipped', TrackingInfo: '1Z1', ShippingProvider: 'UPS' } });
    // Then the stored order and items are Shipped with the tracking number
    const record = storedOrder();
    expect(record.status).toBe('Shipped');
    expect(record.items.map((item) => [item.status, item.trackingInfo])).toEqual([['Shipped', '1Z1'], ['Shipped', '1Z1']]);
    // And the newest feed entry reports every item, the status as a name
    const entry = await newestEntry();
    expect(entry.title).toBe('Dropship Order Status Updated');
    expect(entry.payload.name).toBe('order-status-updated');
    expect(orderIdOf(entry)).toBe(ORDER);
    expect(valueAt(entry.payload, 'company-id')).toBe('50068');
    expect(valueAt(entry.payload, 'supplier-id')).toBe('60455');
    const items = findAll(entry.payload, 'items/item-information');
    expect(items.map((item) => [valueAt(item, 'sku'), valueAt(item, 'status'), valueAt(item, 'tracking-info'), valueAt(item, 'quantity')])).toEqual([
      ['AB-JH0786-MI', 'Shipped', '1Z1', '2'],
      ['EM-JH0730-MI', 'Shipped', '1Z1', '1'],
    ]);
  });

  it.each([['ItemStatusUpdate' as const], ['OrderStatusUpdate' as const]])(
    'accepts an item body on %s, echoing CatalogId and Quantity filled in',
    async (path) => {
      // When one item is back-ordered (the guide's example sends this body to OrderStatusUpdate)
      const body = { Id: ORDER, ItemInformation: [{ Sku: 'EM-JH0730-MI', Status: 3, Message: 'Out of stock' }] };
      const response = await putStatus(sandbox, token, { orderId: ORDER, body, path });
      // Then 202 with the item echoed and completed
      expect(response.status).toBe(202);
      const echo = (await response.json()) as { Id: string; ItemInformation: Record<string, unknown>[] };
      const record = storedOrder();
      expect(echo.Id).toBe(ORDER);
      expect(echo.ItemInformation).toEqual([
        {
          Sku: 'EM-JH0730-MI', CatalogId: record.items[1].catalogId, Quantity: 1, Status: 3, TrackingInfo: null,
          ShippingProvider: null, ReferenceName: null, ReferenceValue: null, Info: null, Message: 'Out of stock',
        },
      ]);
      // And only that item changed; the order status did not
      expect(record.items.map((item) => item.status)).toEqual(['PendingSupplier', 'BackOrdered']);
      expect(record.status).toBe('PendingSupplier');
      // And the feed entry lists only that item
      const entry = await newestEntry();
      expect(findAll(entry.payload, 'items/item-information').map((item) => valueAt(item, 'status'))).toEqual(['BackOrdered']);
    },
  );

  it('keeps only the last TrackingInfo received, so dropped numbers show', async () => {
    // Given a first shipment with one number, then a PUT carrying only a second number
    await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 6, TrackingInfo: '1Z863YY60392796356' } });
    await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 2, TrackingInfo: '1Z863YY60393998' } });
    // When the stored order is read through the admin API
    const view = (await (await fetch(`${sandbox.url}/_sandbox/orders/${ORDER}`)).json()) as { status: string; trackingInfo: string };
    // Then the first number is gone: the client should have sent both
    expect(view).toMatchObject({ status: 'Shipped', trackingInfo: '1Z863YY60393998' });
  });

  it('applies PendingSupplier when Status is omitted, and records that', async () => {
    // Given an order already Ordered
    await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 1 } });
    // When a body without Status arrives
    const response = await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, TrackingInfo: '1Z1' } });
    // Then it is accepted, the order falls back to PendingSupplier, and the log says why
    expect(response.status).toBe(202);
    expect(sandbox.state.orders.get(ORDER)?.status).toBe('PendingSupplier');
    const last = sandbox.state.updates.forOrder(ORDER).at(-1);
    expect(last?.warnings).toEqual([expect.stringMatching(/Status missing: PendingSupplier applied/)]);
  });

  it('accepts TrackingInfo sent as a number, stores it as text and records that it was a number', async () => {
    // When TrackingInfo is a JSON number, as in the guide's item example
    const body = { Id: ORDER, ItemInformation: [{ Sku: 'AB-JH0786-MI', Status: 2, TrackingInfo: 23923408863 }] };
    const response = await putStatus(sandbox, token, { orderId: ORDER, body, path: 'ItemStatusUpdate' });
    // Then it is echoed as a string and flagged in the log
    const echo = (await response.json()) as { ItemInformation: { TrackingInfo: unknown }[] };
    expect(echo.ItemInformation[0].TrackingInfo).toBe('23923408863');
    expect(sandbox.state.orders.get(ORDER)?.items[0].trackingInfo).toBe('23923408863');
    expect(sandbox.state.updates.forOrder(ORDER)[0].warnings).toEqual([expect.stringMatching(/TrackingInfo sent as a number/)]);
  });

  it('logs accepted PUTs in arrival order with path, kind, time and raw body', async () => {
    // Given an order update then an item update
    await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 1 } });
    await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, ItemInformation: [{ Sku: 'AB-JH0786-MI', Status: 2 }] }, path: 'ItemStatusUpdate' });
    // When the admin API lists the order's updates
    const { updates } = (await (await fetch(`${sandbox.url}/_sandbox/orders/${ORDER}/updates`)).json()) as { updates: Record<string, unknown>[] };
    // Then both are there, in order
    expect(updates.map((u) => [u.path, u.kind, u.accepted, u.httpStatus])).toEqual([
      ['OrderStatusUpdate', 'order', true, 202],
      ['ItemStatusUpdate', 'item', true, 202],
    ]);
    expect(updates[0].rawBody).toBe(`{"Id":"${ORDER}","Status":1}`);
    expect(updates[0].receivedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
  });
});
