import type { Readable } from 'node:stream';
import { TokenManager } from '../auth/token-manager';
import { CapturingLogger } from './testing/capturing-logger';
import { FakeIqmetrix, testSettings } from './testing/fake-iqmetrix';
import { LocalHttpServer } from './testing/local-http-server';
import {
  IqmetrixRateLimitedError,
  IqmetrixRequestRejectedError,
  IqmetrixUnavailableError,
} from './iqmetrix.errors';
import { IqmetrixHttp } from './iqmetrix-http';
import { IqmetrixTransport } from './iqmetrix-transport';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const GET = { method: 'GET', path: '/v1/Suppliers(60455)/Orders(abc)/x', accept: 'application/json' } as const;

describe('IqmetrixHttp error classification', () => {
  let fake: FakeIqmetrix;
  let transport: IqmetrixTransport;

  beforeAll(() => CapturingLogger.install());
  beforeEach(async () => {
    fake = await FakeIqmetrix.start();
    transport = new IqmetrixTransport({ connectTimeoutMs: 1_000, headersTimeoutMs: 200, bodyTimeoutMs: 200 });
  });
  afterEach(async () => {
    await transport.close();
    await fake.close();
  });

  const client = (dropshipUrl = fake.url) => {
    const settings = testSettings(fake.url, dropshipUrl);
    return new IqmetrixHttp(dropshipUrl, new TokenManager(settings, transport), transport, () => NOW);
  };
  const failureOf = (promise: Promise<unknown>) => promise.then(() => 'no error', (error: unknown) => error);
  const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
    fake.dropship = (_request, response) => response.writeHead(status, headers).end(body);
  };

  it.each([500, 503, 408])('classifies %s as retriable IqmetrixUnavailableError', async (status) => {
    // Given a Dropship API answering the status
    answer(status);

    // When a request is made
    const failure = await failureOf(client().request(GET));

    // Then it is retriable, with a log-safe path template
    expect(failure).toBeInstanceOf(IqmetrixUnavailableError);
    expect(failure).toMatchObject({
      retriable: true,
      details: { status, method: 'GET', pathTemplate: '/v1/Suppliers({id})/Orders({id})/x' },
    });
  });

  it('takes the wait of a 429 from X-RateLimit-ResetSeconds', async () => {
    // Given a 429 with iQmetrix's documented header
    answer(429, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-ResetSeconds': '42' }, 'rate limit exceeded');

    // When a request is made
    const failure = await failureOf(client().request(GET));

    // Then the error is retriable and carries the wait
    expect(failure).toBeInstanceOf(IqmetrixRateLimitedError);
    expect(failure).toMatchObject({ code: 'IQMETRIX.RATE_LIMITED', retriable: true, retryAfterMs: 42_000 });
  });

  it.each([
    ['seconds', '7', 7_000],
    ['an HTTP date', new Date(NOW + 90_000).toUTCString(), 90_000],
  ])('takes the wait of a 429 from Retry-After given in %s', async (_form, value, expectedMs) => {
    // Given a 429 with Retry-After (preferred over the X-RateLimit headers)
    answer(429, { 'Retry-After': value, 'X-RateLimit-ResetSeconds': '42' });

    // When a request is made
    const failure = await failureOf(client().request(GET));

    // Then the wait is the Retry-After value
    expect(failure).toMatchObject({ retryAfterMs: expectedMs });
  });

  it.each([400, 404])('classifies %s as permanent IqmetrixRequestRejectedError with the answer text', async (status) => {
    // Given a Dropship API refusing the request with a reason
    answer(status, { 'content-type': 'text/plain' }, 'Cannot find supplier identifier in the uri');

    // When a request is made
    const failure = await failureOf(client().request(GET));

    // Then it is permanent and carries the status and iQmetrix's answer
    expect(failure).toBeInstanceOf(IqmetrixRequestRejectedError);
    expect(failure).toMatchObject({
      code: 'IQMETRIX.REQUEST_REJECTED',
      retriable: false,
      status,
      responseBody: 'Cannot find supplier identifier in the uri',
    });
  });

  it('truncates a long rejection answer to 2 KB', async () => {
    // Given a 400 with a 10 KB body
    answer(400, {}, 'x'.repeat(10_240));

    // When a request is made
    const failure = await failureOf(client().request(GET));

    // Then only the first 2048 bytes are kept
    expect((failure as IqmetrixRequestRejectedError).responseBody).toHaveLength(2048);
  });

  it('classifies a refused connection as retriable', async () => {
    // Given a Dropship URL where nothing listens (the token endpoint works)
    const dropshipUrl = await LocalHttpServer.refusingUrl();

    // When a request is made
    const failure = await failureOf(client(dropshipUrl).request(GET));

    // Then it is retriable and names the socket error
    expect(failure).toBeInstanceOf(IqmetrixUnavailableError);
    expect(failure).toMatchObject({ retriable: true, details: { reason: 'ECONNREFUSED' } });
  });

  it('classifies a server that never answers as retriable', async () => {
    // Given a Dropship API that accepts requests and never answers
    fake.dropship = () => undefined;

    // When a request is made
    const failure = await failureOf(client().request(GET));

    // Then the headers timeout surfaces as a retriable failure
    expect(failure).toBeInstanceOf(IqmetrixUnavailableError);
    expect(failure).toMatchObject({ details: { reason: 'UND_ERR_HEADERS_TIMEOUT' } });
  });

  it('errors a stream whose body stalls with a retriable IqmetrixUnavailableError', async () => {
    // Given a feed page that stops half way
    fake.dropship = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml' });
      response.write('<feed>');
    };
    const response = await client().request({ ...GET, accept: 'application/atom+xml', expectStream: true });

    // When the stream is read
    const failure = await failureOf(drain(response.body));

    // Then the stream fails with the typed error
    expect(failure).toBeInstanceOf(IqmetrixUnavailableError);
    expect(failure).toMatchObject({ details: { reason: 'UND_ERR_BODY_TIMEOUT' } });
  });
});

async function drain(stream: Readable): Promise<void> {
  for await (const _chunk of stream) {
    // read until the end or the error
  }
}
