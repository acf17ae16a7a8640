import { startSandbox, type RunningSandbox } from '../server';
import { ManualClock } from '../support/clock';
import { get, getToken, passwordForm, postForm } from '../test-support/sandbox-client';

describe('POST /v1/oauth2/token', () => {
  const clock = new ManualClock();
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, clock, tokenTtlSeconds: 600 });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('issues an access token, its lifetime and a refresh token for the password grant', async () => {
    // Given the configured credentials
    const form = passwordForm(sandbox);
    // When the supplier asks for a token
    const response = await postForm(sandbox, form);
    // Then it gets exactly the three documented fields
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token']);
    expect(body.expires_in).toBe(600);
    expect(body.access_token).toEqual(expect.stringMatching(/^\S{20,}$/));
  });

  it('issues a different access token on every call', async () => {
    // Given two password grants
    const first = await getToken(sandbox);
    const second = await getToken(sandbox);
    // Then both tokens differ and both work
    expect(first.access_token).not.toBe(second.access_token);
    expect((await get(sandbox.feedUrl, first.access_token)).status).toBe(200);
    expect((await get(sandbox.feedUrl, second.access_token)).status).toBe(200);
  });

  it('answers invalid_client for a wrong client secret', async () => {
    // When the client secret is wrong
    const response = await postForm(sandbox, passwordForm(sandbox, { client_secret: 'nope' }));
    // Then 400 invalid_client
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('answers invalid_grant for a wrong password', async () => {
    // When the password is wrong
    const response = await postForm(sandbox, passwordForm(sandbox, { password: 'wrong' }));
    // Then 400 invalid_grant
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('answers unsupported_grant_type for an unknown grant type', async () => {
    // When the grant type is client_credentials
    const response = await postForm(sandbox, passwordForm(sandbox, { grant_type: 'client_credentials' }));
    // Then 400 unsupported_grant_type naming it
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: "The authorization grant type 'client_credentials' is not supported by the authorization server",
    });
  });

  it("answers unsupported_grant_type with grant type ' ' when the parameters are not a form body", async () => {
    // Given correct parameters sent as JSON (the auth FAQ's classic mistake)
    const json = JSON.stringify(Object.fromEntries(passwordForm(sandbox)));
    // When posted with a JSON content type
    const response = await fetch(sandbox.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json });
    // Then the server sees no grant type at all
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; error_description: string };
    expect(body.error).toBe('unsupported_grant_type');
    expect(body.error_description).toBe("The authorization grant type ' ' is not supported by the authorization server");
  });

  it('accepts the token path in any letter case', async () => {
    // When the path is spelled /v1/OAuth2/Token
    const response = await postForm(sandbox, passwordForm(sandbox), '/v1/OAuth2/Token');
    // Then it is the same endpoint
    expect(response.status).toBe(200);
  });

  it('refreshing revokes the access token issued with the refresh token, and the refresh token itself', async () => {
    // Given a token pair
    const original = await getToken(sandbox);
    const refreshForm = (refreshToken: string): URLSearchParams =>
      new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: sandbox.credentials.clientId,
        client_secret: sandbox.credentials.clientSecret,
      });
    // When it is refreshed
    const response = await postForm(sandbox, refreshForm(original.refresh_token));
    // Then a new pair works, the old access token is refused and the old refresh token is spent
    expect(response.status).toBe(200);
    const refreshed = (await response.json()) as { access_token: string; refresh_token: string };
    expect((await get(sandbox.feedUrl, refreshed.access_token)).status).toBe(200);
    expect((await get(sandbox.feedUrl, original.access_token)).status).toBe(401);
    const again = await postForm(sandbox, refreshForm(original.refresh_token));
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('answers invalid_client when a refresh comes with wrong client credentials', async () => {
    // Given a token pair
    const original = await getToken(sandbox);
    // When it is refreshed with another secret
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: original.refresh_token,
      client_id: sandbox.credentials.clientId,
      client_secret: 'other',
    });
    const response = await postForm(sandbox, form);
    // Then the client is refused and the original token still works
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
    expect((await get(sandbox.feedUrl, original.access_token)).status).toBe(200);
  });

  it('stops accepting an access token once its lifetime has passed', async () => {
    // Given a token with a 600 s lifetime
    const { access_token: token } = await getToken(sandbox);
    // When 599 s pass it still works; at 600 s it does not
    clock.advance(599_000);
    expect((await get(sandbox.feedUrl, token)).status).toBe(200);
    clock.advance(1_000);
    const response = await get(sandbox.feedUrl, token);
    // Then the Dropship API answers 401 invalid token
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('invalid token');
  });
});
