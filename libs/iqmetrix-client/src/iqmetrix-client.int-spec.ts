// The client against the iQmetrix sandbox over real HTTP (issue 3, "Integration tests of the client").
import { Logger } from '@nestjs/common';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ManualClock, startSandbox, type RunningSandbox } from '../../../tools/iqmetrix-sandbox/src';
import { TokenManager } from './auth/token-manager';
import { delayFor } from './http/backoff';
import { IqmetrixRateLimitedError, IqmetrixRequestRejectedError, IqmetrixUnavailableError } from './http/iqmetrix.errors';
import { IqmetrixHttp } from './http/iqmetrix-http';
import { IqmetrixTransport } from './http/iqmetrix-transport';
import { StatusClient } from './status/status-client';

const ATOM = 'application/atom+xml';

describe('iQmetrix client against the sandbox', () => {
  let sandbox: RunningSandbox;
  let clock: ManualClock;
  let transport: IqmetrixTransport;
  let tokens: TokenManager;
  let http: IqmetrixHttp;
  let feedPath: string;

  const counters = () => sandbox.state.stats.snapshot().counters;
  const feedRequests = () => sandbox.state.stats.snapshot().requests['feed.current'] ?? {};
  const getFeed = () => http.request({ method: 'GET', path: feedPath, accept: ATOM });

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    clock = new ManualClock(Date.now());
    sandbox = await startSandbox({ port: 0, clock, tokenTtlSeconds: 600, seed: `client-${Date.now()}` });
    feedPath = `/v1/Suppliers(${sandbox.supplierId})/Notifications`;
  });
  afterAll(async () => {
    await sandbox.close();
  });
  beforeEach(() => {
    sandbox.reset();
    transport = new IqmetrixTransport();
    const settings = { authUrl: sandbox.url, dropshipUrl: sandbox.url, ...sandbox.credentials, supplierId: String(sandbox.supplierId) };
    // The token manager reads the sandbox's clock, so expiry is reached by moving the clock, not by waiting.
    tokens = new TokenManager(settings, transport, { refreshMarginMs: 60_000, now: () => clock.now() });
    http = new IqmetrixHttp(sandbox.url, tokens, transport);
  });
  afterEach(async () => {
    await transport.close();
  });

  it('refreshes the token shortly before it expires, and the old token stops working', async () => {
    // Given a token obtained with the password grant
    await getFeed();
    const first = await tokens.getToken();
    expect(counters()).toMatchObject({ tokensIssued: 1 });
    // When the clock reaches the refresh margin (600 s lifetime, 60 s margin)
    clock.advance(541_000);
    const response = await getFeed();
    // Then the token was renewed with the refresh grant, the call succeeded, and the old token is revoked
    expect(response.status).toBe(200);
    expect(counters()).toMatchObject({ tokensIssued: 1, tokensRefreshed: 1 });
    expect(await tokens.getToken()).not.toBe(first);
    expect(sandbox.state.tokens.isAccessTokenValid(first)).toBe(false);
  });

  it('answers a 401 with exactly one re-authentication and one retry', async () => {
    // Given a token the client believes valid, then revoked by iQmetrix
    await getFeed();
    sandbox.state.tokens.revokeAllAccessTokens();
    // When the next call is made
    const response = await getFeed();
    // Then it succeeded after one 401 and one new token
    expect(response.status).toBe(200);
    expect(feedRequests()).toEqual({ '200': 2, '401': 1 });
    expect((counters().tokensIssued ?? 0) + (counters().tokensRefreshed ?? 0)).toBe(2);
  });

  it('gets a new token when the cached one expired on the server side (clock jump past expiry)', async () => {
    await getFeed();
    clock.advance(601_000);
    expect((await getFeed()).status).toBe(200);
    expect(feedRequests()['401']).toBeUndefined();
  });

  it('waits out a 429 for the time iQmetrix asked for, then succeeds', async () => {
    // Given a limit of two Dropship calls per second (on the sandbox's clock, which the test moves)
    sandbox.state.limiters.dropship.configure({ limit: 2, windowSeconds: 1 });
    // When calls go past the limit
    await getFeed();
    await getFeed();
    const limited = await getFeed().catch((error: unknown) => error);
    // Then the third is refused with the wait until the window resets
    expect(limited).toBeInstanceOf(IqmetrixRateLimitedError);
    const waitMs = delayFor(limited, 1);
    expect(waitMs).toBeGreaterThanOrEqual(0);
    expect(waitMs).toBeLessThanOrEqual(1_000);
    // And once that time has passed (the clock is moved by exactly the wait delayFor gave), the call goes through
    clock.advance(waitMs + 1);
    expect((await getFeed()).status).toBe(200);
  });

  it('classifies a 5xx as retriable', async () => {
    sandbox.state.faults.configure({ errorRate: 1, errorStatus: 503, errorPaths: 'feed' });
    const failure = await getFeed().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IqmetrixUnavailableError);
    expect(failure).toMatchObject({ code: 'IQMETRIX.UNAVAILABLE', retriable: true, details: { status: 503 } });
  });

  it('classifies a dropped connection as retriable', async () => {
    sandbox.state.faults.configure({ dropConnectionRate: 1, errorPaths: 'feed' });
    await expect(getFeed()).rejects.toMatchObject({ code: 'IQMETRIX.UNAVAILABLE', retriable: true });
  });

  it("refuses a 400 permanently, with iQmetrix's message", async () => {
    // Given an order and a status client
    const [order] = sandbox.generateOrders(1);
    const status = new StatusClient(String(sandbox.supplierId), http, tokens);
    // When an item update names a SKU the order does not have
    const failure = await status
      .putItemStatus(order.orderId, { Id: order.orderId, ItemInformation: [{ Sku: 'NOT-ON-THE-ORDER', Status: 2 }] })
      .catch((error: unknown) => error);
    // Then it is a permanent rejection carrying iQmetrix's answer
    expect(failure).toBeInstanceOf(IqmetrixRequestRejectedError);
    expect(failure).toMatchObject({ status: 400, retriable: false });
    expect((failure as IqmetrixRequestRejectedError).responseBody).toContain('NOT-ON-THE-ORDER');
  });
});
