import { CapturingLogger } from '../http/testing/capturing-logger';
import { FakeIqmetrix, formOf, testSettings } from '../http/testing/fake-iqmetrix';
import { sendJson } from '../http/testing/local-http-server';
import { IqmetrixTransport } from '../http/iqmetrix-transport';
import { TokenManager } from './token-manager';

describe('TokenManager', () => {
  let fake: FakeIqmetrix;
  let transport: IqmetrixTransport;
  let now: number;
  const clock = () => now;

  beforeAll(() => CapturingLogger.install());
  beforeEach(async () => {
    fake = await FakeIqmetrix.start();
    transport = new IqmetrixTransport();
    now = 1_000_000;
  });
  afterEach(async () => {
    await transport.close();
    await fake.close();
  });

  const manager = (refreshMarginMs?: number) =>
    new TokenManager(testSettings(fake.url), transport, { now: clock, refreshMarginMs });

  it('obtains the first token with a form-urlencoded password grant carrying every credential', async () => {
    // Given a manager that holds no token
    const tokens = manager();

    // When a token is asked for
    const token = await tokens.getToken();

    // Then one password grant was posted as a form, and its access token is returned
    expect(token).toBe('access-1');
    const [request] = fake.tokenRequests();
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(formOf(request)).toEqual({
      grant_type: 'password',
      username: 'supplier@example.test',
      password: 'PASSWORD-p9W4',
      client_id: 'client-id-visible',
      client_secret: 'CLIENT-SECRET-x7Q2',
    });
  });

  it('serves the cached token until the refresh margin and then uses the refresh-token grant', async () => {
    // Given a token valid for an hour and the default 5-minute margin
    const tokens = manager();
    await tokens.getToken();

    // When asked again just before and just after 55 minutes
    now += 55 * 60_000 - 1;
    const beforeMargin = await tokens.getToken();
    now += 2;
    const afterMargin = await tokens.getToken();

    // Then the first comes from the cache and the second from a refresh with the refresh token
    expect(beforeMargin).toBe('access-1');
    expect(afterMargin).toBe('access-2');
    const forms = fake.tokenRequests().map(formOf);
    expect(forms).toHaveLength(2);
    expect(forms[1]).toEqual({
      grant_type: 'refresh_token',
      client_id: 'client-id-visible',
      client_secret: 'CLIENT-SECRET-x7Q2',
      refresh_token: 'refresh-1',
    });
  });

  it('caps the refresh margin at half the lifetime of a short-lived token', async () => {
    // Given a token that lives 60 s, shorter than the 5-minute margin
    fake.expiresInSeconds = 60;
    const tokens = manager();
    await tokens.getToken();

    // When asked at 29 s and then at 31 s
    now += 29_000;
    const early = await tokens.getToken();
    now += 2_000;
    const late = await tokens.getToken();

    // Then the token is reused before half its life and renewed after
    expect([early, late]).toEqual(['access-1', 'access-2']);
  });

  it('falls back to the password grant when the refresh token is refused with invalid_grant', async () => {
    // Given a token endpoint that refuses refresh tokens
    fake.tokenOverride = (request, response) => {
      if (formOf(request)['grant_type'] !== 'refresh_token') return false;
      sendJson(response, 400, { error: 'invalid_grant' });
      return true;
    };
    const tokens = manager();
    await tokens.getToken();

    // When the token is due for renewal
    now += 3_600_000;
    const token = await tokens.getToken();

    // Then a password grant followed the refused refresh
    expect(token).toBe('access-2');
    expect(fake.tokenRequests().map((request) => formOf(request)['grant_type'])).toEqual([
      'password',
      'refresh_token',
      'password',
    ]);
  });

  it('shares one token request among 50 concurrent callers', async () => {
    // Given a manager that holds no token
    const tokens = manager();

    // When 50 callers ask at once
    const results = await Promise.all(Array.from({ length: 50 }, () => tokens.getToken()));

    // Then one request was made and everyone got its token
    expect(fake.tokenRequests()).toHaveLength(1);
    expect(new Set(results)).toEqual(new Set(['access-1']));
  });

  it('drops the cached token on invalidate only when it is still the cached one', async () => {
    // Given a cached token
    const tokens = manager();
    const first = await tokens.getToken();

    // When a stale token is invalidated, then the current one
    tokens.invalidate('access-0');
    const afterStale = await tokens.getToken();
    tokens.invalidate(first);
    const afterCurrent = await tokens.getToken();

    // Then only the second invalidation caused a renewal
    expect(afterStale).toBe('access-1');
    expect(afterCurrent).toBe('access-2');
    expect(fake.tokenRequests()).toHaveLength(2);
  });

  it('keeps serving a still-valid token when an early refresh meets an unavailable token endpoint', async () => {
    // Given a cached token inside its refresh margin and a token endpoint answering 503
    const tokens = manager();
    await tokens.getToken();
    now += 56 * 60_000;
    fake.tokenOverride = (_request, response) => (response.writeHead(503).end(), true);

    // When a token is asked for
    const token = await tokens.getToken();

    // Then the refresh was attempted and the old token is still served
    expect(token).toBe('access-1');
    expect(fake.tokenRequests()).toHaveLength(2);
  });
});
