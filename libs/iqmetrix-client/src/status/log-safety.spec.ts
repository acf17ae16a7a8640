import { TokenManager } from '../auth/token-manager';
import { CapturingLogger } from '../http/testing/capturing-logger';
import { FakeIqmetrix, formOf, ORDER_ID, SUPPLIER_ID, testSettings } from '../http/testing/fake-iqmetrix';
import { sendJson } from '../http/testing/local-http-server';
import { IqmetrixHttp } from '../http/iqmetrix-http';
import { IqmetrixTransport } from '../http/iqmetrix-transport';
import { StatusClient } from './status-client';

const TRACKING = 'TRACK-1Z999AA10123456784';
const ANSWER_TEXT = 'customer Jane Doe, 1 Main St';

describe('logging of iQmetrix calls', () => {
  it('logs method, host, path template, status and latency but never secrets, tokens or bodies', async () => {
    // Given logs captured and a fake iQmetrix exercising every logged path (401, invalid_grant, 400)
    const logs = CapturingLogger.install();
    const fake = await startRevealingFake();
    let now = 0;
    const transport = new IqmetrixTransport({}, () => now);
    const settings = testSettings(fake.url);
    const tokens = new TokenManager(settings, transport, { now: () => now });
    const status = new StatusClient(SUPPLIER_ID, new IqmetrixHttp(settings.dropshipUrl, tokens, transport), tokens);

    // When an update is delivered after a 401, the token expires, and a second update is refused
    await status.putOrderStatus(ORDER_ID, { Id: ORDER_ID, Status: 2, TrackingInfo: TRACKING, Message: 'secret note' });
    now += 2 * 3_600_000;
    await status.putOrderStatus(ORDER_ID, { Id: ORDER_ID, Status: 2, TrackingInfo: TRACKING }).catch(() => undefined);
    await transport.close();
    await fake.close();

    // Then the calls were logged with their shape, and nothing sensitive appears anywhere
    expect(fake.tokenRequests()).toHaveLength(5); // password, refused refresh, password, refused refresh, password
    const text = logs.text();
    expect(text).toContain('/v1/Suppliers({id})/Orders({id})/OrderStatusUpdate');
    expect(text).toMatch(/"method":"PUT".*"status":401.*"latencyMs":\d+/);
    expect(text).toContain('"pathTemplate":"/v1/oauth2/token"');
    expect(text).toContain('invalid_grant');
    const sensitive = [settings.clientSecret, settings.password, 'Bearer', TRACKING, 'secret note', ANSWER_TEXT, ORDER_ID];
    for (const secret of [...sensitive, 'access-1', 'access-2', 'access-3', 'refresh-1', 'refresh-2']) {
      expect(text).not.toContain(secret);
    }
  });
});

/**
 * A fake whose token endpoint refuses refreshes and whose Dropship API answers 401 to the first
 * token, accepts the second, and refuses anything later with an answer naming a customer.
 */
async function startRevealingFake(): Promise<FakeIqmetrix> {
  const fake = await FakeIqmetrix.start();
  fake.tokenOverride = (request, response) =>
    formOf(request)['grant_type'] === 'refresh_token' ? (sendJson(response, 400, { error: 'invalid_grant' }), true) : false;
  fake.dropship = (request, response, newest) => {
    if (request.headers.authorization === 'Bearer access-1') return void response.writeHead(401).end('invalid token');
    if (newest > 2) return void response.writeHead(400).end(ANSWER_TEXT);
    sendJson(response, 202, JSON.parse(request.body));
  };
  return fake;
}
