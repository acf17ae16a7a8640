import { startSandbox, type RunningSandbox } from '../server';
import { getToken, putStatus } from '../test-support/sandbox-client';

const ORDER = '0b05f9fb-1210-4494-b654-d051948716b4';

describe('PUT …/OrderStatusUpdate and …/ItemStatusUpdate: validation', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.reset();
    sandbox.createOrders([{ orderId: ORDER, items: [{ sku: 'AB-JH0786-MI' }, { sku: 'EM-JH0730-MI' }] }]);
    token = (await getToken(sandbox)).access_token;
  });

  async function expectRejected(response: Response, status: number, message: RegExp): Promise<void> {
    expect(response.status).toBe(status);
    const body = (await response.json()) as { Message: string };
    expect(body.Message).toMatch(message);
  }

  it('refuses a body whose Id differs from the order id in the URL', async () => {
    // When the body names another order
    const response = await putStatus(sandbox, token, { orderId: ORDER, body: { Id: '91a57ddb-2d42-402b-85b4-fe327a347313', Status: 1 } });
    // Then 400 naming both ids
    await expectRejected(response, 400, /91a57ddb-2d42-402b-85b4-fe327a347313.*does not match.*0b05f9fb/);
  });

  it('refuses a body without Id', async () => {
    // When Id is missing
    const response = await putStatus(sandbox, token, { orderId: ORDER, body: { Status: 1 } });
    // Then 400
    await expectRejected(response, 400, /Id is required/);
  });

  it('answers 404 for an order the sandbox does not know', async () => {
    // Given an order id never created
    const unknown = 'aaaaaaaa-1210-4494-b654-d051948716b4';
    // When its status is updated
    const response = await putStatus(sandbox, token, { orderId: unknown, body: { Id: unknown, Status: 1 } });
    // Then 404 with a message naming it
    await expectRejected(response, 404, /aaaaaaaa-1210-4494-b654-d051948716b4 was not found/);
  });

  it.each([['Exception'], [9], [-1], [1.5], ['2'], [null], [true]])('refuses the status %p', async (status) => {
    // When Status is not a documented name or number
    const response = await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: status } });
    // Then 400 explaining valid values
    await expectRejected(response, 400, /is not a valid status/);
  });

  it('refuses an item update naming a SKU that is not on the order, and names the SKU', async () => {
    // When one of two items is unknown
    const body = { Id: ORDER, ItemInformation: [{ Sku: 'AB-JH0786-MI', Status: 2 }, { Sku: 'ZZ-000000-ZZ', Status: 2 }] };
    const response = await putStatus(sandbox, token, { orderId: ORDER, body, path: 'ItemStatusUpdate' });
    // Then 400 naming it, and nothing was applied to the known item
    await expectRejected(response, 400, /Sku 'ZZ-000000-ZZ' is not on order/);
    expect(sandbox.state.orders.get(ORDER)?.items[0].status).toBe('PendingSupplier');
  });

  it('refuses an ItemInformation entry without Sku', async () => {
    // When an item has no Sku
    const response = await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, ItemInformation: [{ Status: 2 }] }, path: 'ItemStatusUpdate' });
    // Then 400 pointing at the entry
    await expectRejected(response, 400, /ItemInformation\[0\]\.Sku is required/);
  });

  it('refuses an order-level body on ItemStatusUpdate', async () => {
    // When the item path receives an order body
    const response = await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 2 }, path: 'ItemStatusUpdate' });
    // Then 400: ItemInformation is needed there
    await expectRejected(response, 400, /ItemInformation is required/);
  });

  it('refuses a TrackingInfo that is neither a string nor a number', async () => {
    // When TrackingInfo is a list
    const response = await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 2, TrackingInfo: ['1Z1', '1Z2'] } });
    // Then 400
    await expectRejected(response, 400, /TrackingInfo must be a string/);
  });

  it('refuses a body that is not JSON', async () => {
    // When the body is broken JSON
    const response = await putStatus(sandbox, token, { orderId: ORDER, body: '{"Id": ' });
    // Then 400
    await expectRejected(response, 400, /not valid JSON/);
  });

  it('answers 415 when the content type is not JSON', async () => {
    // When the body is sent as text/plain
    const response = await fetch(`${sandbox.url}/v1/Suppliers(60455)/Orders(${ORDER})/OrderStatusUpdate`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ Id: ORDER, Status: 1 }),
    });
    // Then 415
    await expectRejected(response, 415, /media type 'text\/plain' is not supported/);
  });

  it('refuses another supplier id in the URL', async () => {
    // When the URL names supplier 1
    const response = await fetch(`${sandbox.url}/v1/Suppliers(1)/Orders(${ORDER})/OrderStatusUpdate`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Id: ORDER, Status: 1 }),
    });
    // Then the documented 400
    await expectRejected(response, 400, /^Cannot find supplier identifier in the uri$/);
  });

  it('logs refused PUTs with their raw body and the reason', async () => {
    // Given a refused PUT
    await putStatus(sandbox, token, { orderId: ORDER, body: { Id: ORDER, Status: 'Exception' } });
    // When the update log is read
    const [logged] = sandbox.state.updates.forOrder(ORDER);
    // Then it is there, not accepted, with its reason and body
    expect(logged).toMatchObject({ accepted: false, httpStatus: 400, path: 'OrderStatusUpdate', rawBody: `{"Id":"${ORDER}","Status":"Exception"}` });
    expect(logged.error).toMatch(/not a valid status/);
  });
});
