import { TokenManager } from '../auth/token-manager';
import { CapturingLogger } from '../http/testing/capturing-logger';
import { FakeIqmetrix, ORDER_ID, SUPPLIER_ID, testSettings } from '../http/testing/fake-iqmetrix';
import { LocalHttpServer, sendJson } from '../http/testing/local-http-server';
import { IqmetrixHttp } from '../http/iqmetrix-http';
import { IqmetrixTransport } from '../http/iqmetrix-transport';
import type { ItemStatusUpdateBody, OrderStatusUpdateBody } from './status-bodies';
import { IqmetrixInvalidStatusBodyError } from './status.errors';
import { StatusClient } from './status-client';

const ORDER_PATH = `/v1/Suppliers(${SUPPLIER_ID})/Orders(${ORDER_ID})`;

describe('StatusClient', () => {
  let fake: FakeIqmetrix;
  let transport: IqmetrixTransport;

  beforeAll(() => CapturingLogger.install());
  beforeEach(async () => {
    fake = await FakeIqmetrix.start();
    fake.dropship = (request, response) => sendJson(response, 202, { ...JSON.parse(request.body), Info: null });
    transport = new IqmetrixTransport();
  });
  afterEach(async () => {
    await transport.close();
    await fake.close();
  });

  const client = (authUrl = fake.url) => {
    const settings = testSettings(authUrl, fake.url);
    const tokens = new TokenManager(settings, transport);
    return new StatusClient(SUPPLIER_ID, new IqmetrixHttp(settings.dropshipUrl, tokens, transport), tokens, () => 7);
  };

  it('PUTs an order update as JSON with Status as a number and TrackingInfo as a string', async () => {
    // Given a shipped order update with two tracking numbers
    const body: OrderStatusUpdateBody = {
      Id: ORDER_ID,
      Status: 2,
      TrackingInfo: '1Z863YY60392796356,0012345',
      ShippingProvider: 'UPS',
    };

    // When it is sent
    const result = await client().putOrderStatus(ORDER_ID, body);

    // Then exactly that body went to OrderStatusUpdate and the echo came back parsed
    const [request] = fake.dropshipRequests();
    expect(request.method).toBe('PUT');
    expect(request.url).toBe(`${ORDER_PATH}/OrderStatusUpdate`);
    expect(request.headers).toMatchObject({ 'content-type': 'application/json', accept: 'application/json' });
    expect(request.body).toBe(
      `{"Id":"${ORDER_ID}","Status":2,"TrackingInfo":"1Z863YY60392796356,0012345","ShippingProvider":"UPS"}`,
    );
    expect(result).toEqual({ status: 202, body: { ...body, Info: null } });
  });

  it('PUTs an item update to ItemStatusUpdate with only the documented fields', async () => {
    // Given an item update carrying a field the wire format does not have
    const item = { Sku: 'AB-JH0786-MI', Status: 6, Quantity: 1, TrackingInfo: '0987', Extra: 'x' };
    const body: ItemStatusUpdateBody = { Id: ORDER_ID, ItemInformation: [item] };

    // When it is sent
    await client().putItemStatus(ORDER_ID, body);

    // Then the body on the wire is exactly the documented one
    const [request] = fake.dropshipRequests();
    expect(request.url).toBe(`${ORDER_PATH}/ItemStatusUpdate`);
    expect(JSON.parse(request.body)).toEqual({
      Id: ORDER_ID,
      ItemInformation: [{ Sku: 'AB-JH0786-MI', Status: 6, Quantity: 1, TrackingInfo: '0987' }],
    });
  });

  it('resolves with a null body when a 2xx carries none', async () => {
    // Given a Dropship API answering 204
    fake.dropship = (_request, response) => response.writeHead(204).end();

    // When an update is sent / Then the status is kept and the body is null
    await expect(client().putOrderStatus(ORDER_ID, { Id: ORDER_ID, Status: 1 })).resolves.toEqual({ status: 204, body: null });
  });

  it.each([
    ['an Id other than the URL order id', { Id: 'another-order', Status: 1 }],
    ['Status as a name', { Id: ORDER_ID, Status: 'Shipped' }],
    ['Status outside the enum', { Id: ORDER_ID, Status: 9 }],
    ['TrackingInfo as a number', { Id: ORDER_ID, Status: 2, TrackingInfo: 9870873242 }],
  ])('refuses %s without sending anything', async (_case, body) => {
    // Given a body that would be wrong on the wire
    const update = body as unknown as OrderStatusUpdateBody;

    // When it is sent
    const failure = await client().putOrderStatus(ORDER_ID, update).catch((error: unknown) => error);

    // Then a non-retriable error is thrown and iQmetrix was not called
    expect(failure).toBeInstanceOf(IqmetrixInvalidStatusBodyError);
    expect(failure).toMatchObject({ code: 'IQMETRIX.INVALID_STATUS_BODY', retriable: false });
    expect(fake.server.requests).toHaveLength(0);
  });

  it('refuses an item update without items', async () => {
    // Given an item update listing nothing / When sent / Then it is refused
    const failure = await client().putItemStatus(ORDER_ID, { Id: ORDER_ID, ItemInformation: [] }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IqmetrixInvalidStatusBodyError);
  });

  it('reports iQmetrix reachable when a token can be obtained, and records it', async () => {
    // Given a working token endpoint
    const status = client();

    // When reachability is checked
    await status.checkReachable();

    // Then a token was obtained and the outcome recorded
    expect(fake.tokenRequests()).toHaveLength(1);
    expect(status.lastReachability()).toEqual({ ok: true, checkedAt: 7 });
  });

  it('reports iQmetrix unreachable when no token can be obtained, and records why', async () => {
    // Given an accounts URL where nothing listens
    const status = client(await LocalHttpServer.refusingUrl());

    // When reachability is checked
    const failure = await status.ping().catch((error: unknown) => error);

    // Then the check fails and the recorded outcome names the error code
    expect(failure).toMatchObject({ code: 'IQMETRIX.UNAVAILABLE' });
    expect(status.lastReachability()).toMatchObject({ ok: false, error: { code: 'IQMETRIX.UNAVAILABLE' } });
  });
});
