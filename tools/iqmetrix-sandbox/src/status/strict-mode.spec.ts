import { startSandbox, type RunningSandbox } from '../server';
import { getToken, putStatus } from '../test-support/sandbox-client';

const ORDER = '0b05f9fb-1210-4494-b654-d051948716b4';

describe('strict mode: status transitions', () => {
  let strict: RunningSandbox;
  let lenient: RunningSandbox;

  beforeAll(async () => {
    [strict, lenient] = await Promise.all([startSandbox({ port: 0, strict: true }), startSandbox({ port: 0 })]);
  });
  afterAll(() => Promise.all([strict.close(), lenient.close()]));
  beforeEach(() => {
    for (const sandbox of [strict, lenient]) {
      sandbox.reset();
      sandbox.createOrders([{ orderId: ORDER, items: [{ sku: 'AB-JH0786-MI' }, { sku: 'EM-JH0730-MI' }] }]);
    }
  });

  async function put(sandbox: RunningSandbox, body: Record<string, unknown>, path?: 'ItemStatusUpdate'): Promise<Response> {
    const { access_token: token } = await getToken(sandbox);
    return putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, ...body }, path });
  }

  it('refuses a change outside the table with 400 and a message, leaving the order as it was', async () => {
    // Given a shipped order
    expect((await put(strict, { Status: 'Ordered' })).status).toBe(202);
    expect((await put(strict, { Status: 'Shipped', TrackingInfo: '1Z1' })).status).toBe(202);
    // When it is moved back to Ordered
    const response = await put(strict, { Status: 'Ordered' });
    // Then 400 explains the refused change and nothing changed
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ Message: 'Status cannot change from Shipped to Ordered (strict mode)' });
    expect(strict.state.orders.get(ORDER)?.status).toBe('Shipped');
  });

  it('accepts repeated Shipped, which adds tracking numbers', async () => {
    // Given a shipped order
    await put(strict, { Status: 1 });
    await put(strict, { Status: 2, TrackingInfo: '1Z1' });
    // When Shipped is sent again with both numbers
    const response = await put(strict, { Status: 2, TrackingInfo: '1Z1,1Z2' });
    // Then it is accepted
    expect(response.status).toBe(202);
    expect(strict.state.orders.get(ORDER)?.trackingInfo).toBe('1Z1,1Z2');
  });

  it('refuses an omitted Status, since nothing moves back to PendingSupplier', async () => {
    // When a body without Status arrives
    const response = await put(strict, { TrackingInfo: '1Z1' });
    // Then it is refused
    expect(response.status).toBe(400);
  });

  it('checks item updates against each item status', async () => {
    // Given one item cancelled
    expect((await put(strict, { ItemInformation: [{ Sku: 'AB-JH0786-MI', Status: 'Cancelled' }] }, 'ItemStatusUpdate')).status).toBe(202);
    // When that item is shipped
    const response = await put(strict, { ItemInformation: [{ Sku: 'AB-JH0786-MI', Status: 'Shipped' }] }, 'ItemStatusUpdate');
    // Then 400 names the item and the refused change
    expect(response.status).toBe(400);
    expect(((await response.json()) as { Message: string }).Message).toBe(
      "Item 'AB-JH0786-MI' status cannot change from Cancelled to Shipped (strict mode)",
    );
  });

  it('accepts any change when strict mode is off', async () => {
    // Given a shipped order on a lenient sandbox
    await put(lenient, { Status: 'Shipped' });
    // When it is moved back to Ordered
    const response = await put(lenient, { Status: 'Ordered' });
    // Then it is accepted
    expect(response.status).toBe(202);
    expect(lenient.state.orders.get(ORDER)?.status).toBe('Ordered');
  });
});
