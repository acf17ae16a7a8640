import { CapturingLogger } from '../http/testing/capturing-logger';
import { FakeIqmetrix, testSettings } from '../http/testing/fake-iqmetrix';
import { LocalHttpServer, sendJson } from '../http/testing/local-http-server';
import { IqmetrixTransport } from '../http/iqmetrix-transport';
import { IqmetrixAuthError } from './auth.errors';
import { TokenManager } from './token-manager';

describe('TokenManager errors', () => {
  let fake: FakeIqmetrix;
  let transport: IqmetrixTransport;

  beforeAll(() => CapturingLogger.install());
  beforeEach(async () => {
    fake = await FakeIqmetrix.start();
    transport = new IqmetrixTransport({ connectTimeoutMs: 1_000, headersTimeoutMs: 200 });
  });
  afterEach(async () => {
    await transport.close();
    await fake.close();
  });

  it('rejects refused credentials with a non-retriable AUTH_REJECTED naming the OAuth error', async () => {
    // Given a token endpoint that refuses the client
    fake.tokenOverride = (_request, response) => (sendJson(response, 400, { error: 'invalid_client' }), true);
    const tokens = new TokenManager(testSettings(fake.url), transport);

    // When a token is asked for
    const failure = await tokens.getToken().catch((error: unknown) => error);

    // Then the error says which OAuth error it was and that retrying will not help
    expect(failure).toBeInstanceOf(IqmetrixAuthError);
    expect(failure).toMatchObject({ code: 'IQMETRIX.AUTH_REJECTED', retriable: false, details: { error: 'invalid_client' } });
  });

  it.each([500, 503])('rejects a %s from the token endpoint as retriable UNAVAILABLE', async (status) => {
    // Given a token endpoint in trouble
    fake.tokenOverride = (_request, response) => (response.writeHead(status).end(), true);
    const tokens = new TokenManager(testSettings(fake.url), transport);

    // When a token is asked for
    const failure = await tokens.getToken().catch((error: unknown) => error);

    // Then the failure is retriable
    expect(failure).toMatchObject({ code: 'IQMETRIX.UNAVAILABLE', retriable: true, details: { status } });
  });

  it('rejects a refused connection as retriable UNAVAILABLE', async () => {
    // Given an accounts URL where nothing listens
    const tokens = new TokenManager(testSettings(await LocalHttpServer.refusingUrl()), transport);

    // When a token is asked for
    const failure = await tokens.getToken().catch((error: unknown) => error);

    // Then the failure is retriable and names the socket error
    expect(failure).toMatchObject({ code: 'IQMETRIX.UNAVAILABLE', retriable: true, details: { reason: 'ECONNREFUSED' } });
  });

  it('rejects a token endpoint that never answers as retriable UNAVAILABLE', async () => {
    // Given a token endpoint that accepts the request and never answers
    fake.tokenOverride = () => true;
    const tokens = new TokenManager(testSettings(fake.url), transport);

    // When a token is asked for
    const failure = await tokens.getToken().catch((error: unknown) => error);

    // Then the headers timeout surfaces as a retriable failure
    expect(failure).toMatchObject({ code: 'IQMETRIX.UNAVAILABLE', retriable: true, details: { reason: 'UND_ERR_HEADERS_TIMEOUT' } });
  });

  it('lets the next caller try again after a failed token request', async () => {
    // Given a token endpoint that failed once
    let failures = 1;
    fake.tokenOverride = (_request, response) => (failures-- > 0 ? (response.writeHead(503).end(), true) : false);
    const tokens = new TokenManager(testSettings(fake.url), transport);
    await tokens.getToken().catch(() => undefined);

    // When a token is asked for again
    const token = await tokens.getToken();

    // Then a new request was made and succeeded
    expect(token).toBe('access-1');
    expect(fake.tokenRequests()).toHaveLength(2);
  });
});
