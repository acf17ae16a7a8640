import { startSandbox, type RunningSandbox } from './server';
import { ManualClock } from './support/clock';
import { admin, get, getToken, passwordForm, postForm } from './test-support/sandbox-client';

describe('the Dropship API gate: tokens and rate limits', () => {
  // 12:00:30 UTC: half way through a one-minute window.
  const clock = new ManualClock(Date.UTC(2024, 0, 15, 12, 0, 30));
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, clock, rateLimit: { limit: 3, windowSeconds: 60 } });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    clock.set(Date.UTC(2024, 0, 15, 12, 0, 30));
  });

  it.each([
    ['no Authorization header', undefined],
    ['an unknown token', 'not-a-token'],
  ])('answers 401 with a plain-text "invalid token" for %s', async (_case, token) => {
    // When the feed is read without a valid token
    const response = await get(sandbox.feedUrl, token);
    // Then 401, text/plain, body "invalid token"
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('invalid token');
  });

  it('answers 401 for a token revoked by expireTokensNow', async () => {
    // Given a working token
    const { access_token: token } = await getToken(sandbox);
    expect((await get(sandbox.feedUrl, token)).status).toBe(200);
    // When the admin API expires every token
    await admin(sandbox, 'POST', '/faults', { expireTokensNow: true });
    // Then the token is refused
    expect((await get(sandbox.feedUrl, token)).status).toBe(401);
  });

  it('puts the four rate-limit headers on every answer, a 401 included', async () => {
    // When a request without a token is refused
    const response = await get(sandbox.feedUrl);
    // Then the headers count it: limit 3, 2 left, reset at the next whole minute, 30 s away
    expect(response.status).toBe(401);
    expect(response.headers.get('x-ratelimit-limit')).toBe('3');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(response.headers.get('x-ratelimit-reset')).toBe('2024-01-15T12:01:00.0000000Z');
    expect(response.headers.get('x-ratelimit-resetseconds')).toBe('30');
  });

  it('answers 429 "rate limit exceeded" past the limit until the window resets', async () => {
    // Given a token (from the accounts service, which counts separately)
    const { access_token: token } = await getToken(sandbox);
    // When four feed requests arrive in one window
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await get(sandbox.feedUrl, token)).status);
    const refused = await get(sandbox.feedUrl, token);
    // Then the fourth gets 429 as plain text, with the headers
    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await refused.text()).toBe('rate limit exceeded');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    // And after the reset time requests succeed again
    clock.advance(30_000);
    const afterReset = await get(sandbox.feedUrl, token);
    expect(afterReset.status).toBe(200);
    expect(afterReset.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('counts the accounts service separately from the Dropship service', async () => {
    // Given the Dropship window used up
    const { access_token: token } = await getToken(sandbox);
    for (let i = 0; i < 4; i += 1) await get(sandbox.feedUrl, token);
    // When a token is requested
    const response = await postForm(sandbox, passwordForm(sandbox));
    // Then the accounts service still answers, with its own count
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('changes the limit at run time through the faults API and restores it on DELETE', async () => {
    // Given a limit of 1 set at run time
    const { access_token: token } = await getToken(sandbox);
    await admin(sandbox, 'POST', '/faults', { rateLimit: { limit: 1, windowSeconds: 60 } });
    // When two requests are made
    const first = await get(sandbox.feedUrl, token);
    const second = await get(sandbox.feedUrl, token);
    // Then the second is refused; after DELETE the configured limit applies again
    expect([first.status, second.status]).toEqual([200, 429]);
    await admin(sandbox, 'DELETE', '/faults');
    const restored = await get(sandbox.feedUrl, token);
    expect(restored.status).toBe(200);
    expect(restored.headers.get('x-ratelimit-limit')).toBe('3');
  });

  it('answers 404 {"Message":"Not found"} for an unknown path and 405 for a wrong method', async () => {
    // Given a token
    const { access_token: token } = await getToken(sandbox);
    // When a misspelt path and a POST to the feed are requested
    const unknown = await get(`${sandbox.url}/v1/Zxppliers(60455)/Notifications`, token);
    const wrongMethod = await fetch(sandbox.feedUrl, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    // Then 404 Not found and 405
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ Message: 'Not found' });
    expect(wrongMethod.status).toBe(405);
  });
});
