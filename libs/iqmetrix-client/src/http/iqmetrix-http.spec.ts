import type { Readable } from 'node:stream';
import { TokenManager } from '../auth/token-manager';
import { CapturingLogger } from './testing/capturing-logger';
import { FakeIqmetrix, testSettings } from './testing/fake-iqmetrix';
import { sendJson } from './testing/local-http-server';
import { IqmetrixForeignUrlError, IqmetrixUnauthorizedError } from './iqmetrix.errors';
import { IqmetrixHttp } from './iqmetrix-http';
import { IqmetrixTransport } from './iqmetrix-transport';

const FEED_PATH = '/v1/Suppliers(60455)/Notifications';
const ATOM = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Dropship</title></feed>';

async function readAll(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe('IqmetrixHttp', () => {
  let fake: FakeIqmetrix;
  let transport: IqmetrixTransport;
  let http: IqmetrixHttp;

  beforeAll(() => CapturingLogger.install());
  beforeEach(async () => {
    fake = await FakeIqmetrix.start();
    transport = new IqmetrixTransport();
    const settings = testSettings(fake.url);
    http = new IqmetrixHttp(settings.dropshipUrl, new TokenManager(settings, transport), transport);
  });
  afterEach(async () => {
    await transport.close();
    await fake.close();
  });

  it('sends the bearer token and Accept header and resolves with the body text', async () => {
    // Given a Dropship API that answers JSON
    fake.dropship = (_request, response) => sendJson(response, 200, { ok: true });

    // When a request is made
    const response = await http.request({ method: 'GET', path: '/v1/ping', accept: 'application/json' });

    // Then it carried the token and the Accept header, and the text came back
    expect(response).toMatchObject({ status: 200, body: '{"ok":true}' });
    const [request] = fake.dropshipRequests();
    expect(request.headers).toMatchObject({ authorization: 'Bearer access-1', accept: 'application/json' });
  });

  it('streams an Atom feed page when asked for a stream', async () => {
    // Given a feed endpoint
    fake.dropship = (_request, response) =>
      response.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM);

    // When the page is requested as a stream
    const response = await http.request({ method: 'GET', path: FEED_PATH, accept: 'application/atom+xml', expectStream: true });

    // Then the stream yields the page and the request asked for Atom
    expect(response.headers['content-type']).toBe('application/atom+xml');
    expect(await readAll(response.body)).toBe(ATOM);
    expect(fake.dropshipRequests()[0].headers['accept']).toBe('application/atom+xml');
  });

  it('follows an absolute link on the Dropship origin', async () => {
    // Given a link as the feed gives it
    const link = `${fake.url}/v1/Suppliers(60455)/Notifications/Pages(0b05f9fb)?x=1`;

    // When it is requested
    await http.request({ method: 'GET', path: link, accept: 'application/atom+xml' });

    // Then it was requested exactly as given
    expect(fake.dropshipRequests()[0].url).toBe('/v1/Suppliers(60455)/Notifications/Pages(0b05f9fb)?x=1');
  });

  it('refuses an absolute link to another host without sending anything', async () => {
    // Given a link to a host that is not the configured Dropship host
    const link = 'https://elsewhere.example/v1/Suppliers(60455)/Notifications';

    // When it is requested
    const failure = await http.request({ method: 'GET', path: link, accept: 'application/atom+xml' }).catch((e: unknown) => e);

    // Then it is refused and not even a token was requested
    expect(failure).toBeInstanceOf(IqmetrixForeignUrlError);
    expect(fake.server.requests).toHaveLength(0);
  });

  it('answers a 401 with one new token and one retry', async () => {
    // Given a Dropship API that only accepts the newest token, and a first token that went stale
    fake.dropship = (request, response, newest) =>
      request.headers.authorization === `Bearer access-${newest}` && newest > 1
        ? sendJson(response, 202, {})
        : response.writeHead(401, { 'content-type': 'text/plain' }).end('invalid token');

    // When a request is made
    const response = await http.request({ method: 'PUT', path: '/v1/x', body: { a: 1 }, accept: 'application/json' });

    // Then it succeeded on the retry with the new token, the body sent twice
    expect(response.status).toBe(202);
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.dropshipRequests().map((request) => [request.headers.authorization, request.body])).toEqual([
      ['Bearer access-1', '{"a":1}'],
      ['Bearer access-2', '{"a":1}'],
    ]);
  });

  it('gives up with IqmetrixUnauthorizedError when the retry is answered 401 too', async () => {
    // Given a Dropship API that refuses every token
    fake.dropship = (_request, response) => response.writeHead(401).end('invalid token');

    // When a request is made
    const failure = await http.request({ method: 'GET', path: '/v1/x', accept: 'application/json' }).catch((e: unknown) => e);

    // Then exactly one retry happened and the error is typed
    expect(failure).toBeInstanceOf(IqmetrixUnauthorizedError);
    expect(failure).toMatchObject({ code: 'IQMETRIX.UNAUTHORIZED', details: { status: 401 } });
    expect(fake.dropshipRequests()).toHaveLength(2);
    expect(fake.tokenRequests()).toHaveLength(2);
  });

  it('renews the token once when 20 concurrent requests are answered 401', async () => {
    // Given a Dropship API that refuses the first token only
    fake.dropship = (request, response) =>
      request.headers.authorization === 'Bearer access-1' ? response.writeHead(401).end() : sendJson(response, 200, {});

    // When 20 requests run at once
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => http.request({ method: 'GET', path: '/v1/x', accept: 'application/json' })),
    );

    // Then all succeeded after a single renewal
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(fake.tokenRequests()).toHaveLength(2);
  });

  it('exposes the rate-limit headers of the latest response', async () => {
    // Given a Dropship API that reports its rate limit
    fake.dropship = (_request, response) =>
      sendJson(response, 200, {}, { 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '998', 'X-RateLimit-ResetSeconds': '57' });

    // When a request is made
    await http.request({ method: 'GET', path: '/v1/x', accept: 'application/json' });

    // Then the snapshot holds the values
    expect(http.rateLimit()).toMatchObject({ limit: 1000, remaining: 998, resetSeconds: 57 });
  });
});
