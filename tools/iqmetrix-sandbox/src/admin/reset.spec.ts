import { startSandbox, type RunningSandbox } from '../server';
import { parseFeed, type ParsedFeed } from '../test-support/atom-feed';
import { adminJson, get, getToken } from '../test-support/sandbox-client';

describe('POST /_sandbox/reset', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'reset' });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset('reset'));

  async function readFeed(): Promise<ParsedFeed> {
    const { access_token: token } = await getToken(sandbox);
    return parseFeed(await (await get(sandbox.feedUrl, token)).text());
  }

  it('forgets orders, feed, tokens and faults', async () => {
    // Given state of every kind
    await adminJson(sandbox, 'POST', '/orders', { generate: 3 });
    const { access_token: token } = await getToken(sandbox);
    await adminJson(sandbox, 'POST', '/faults', { errorRate: 1, errorPaths: 'put' });
    // When the sandbox is reset
    await adminJson(sandbox, 'POST', '/reset');
    // Then everything is gone: no orders, an empty feed, the old token refused, no faults
    expect(sandbox.state.orders.size).toBe(0);
    expect((await get(sandbox.feedUrl, token)).status).toBe(401);
    expect((await readFeed()).entries).toEqual([]);
    expect((await adminJson<{ faults: { errorRate: number } }>(sandbox, 'GET', '/faults')).faults.errorRate).toBe(0);
  });

  it('never hands out an entry or page id again after a plain reset', async () => {
    // Given the ids of a first round
    await adminJson(sandbox, 'POST', '/orders', { generate: 2 });
    const before = await readFeed();
    // When the sandbox is reset and the same is done again
    await adminJson(sandbox, 'POST', '/reset');
    await adminJson(sandbox, 'POST', '/orders', { generate: 2 });
    const after = await readFeed();
    // Then no id repeats (a connector keeping its checkpoint is not fooled)
    expect(after.id).not.toBe(before.id);
    const beforeIds = before.entries.map((entry) => entry.id);
    expect(after.entries.map((entry) => entry.id).filter((id) => beforeIds.includes(id))).toEqual([]);
  });

  it('restarts every sequence when given a seed, reproducing the same feed', async () => {
    // Given a feed produced after a reset with seed "replay"
    await adminJson(sandbox, 'POST', '/reset', { seed: 'replay' });
    await adminJson(sandbox, 'POST', '/orders', { generate: 2 });
    const first = await readFeed();
    // When the same is done again
    await adminJson(sandbox, 'POST', '/reset', { seed: 'replay' });
    await adminJson(sandbox, 'POST', '/orders', { generate: 2 });
    const second = await readFeed();
    // Then page and entry ids are the same
    expect(second.id).toBe(first.id);
    expect(second.entries.map((entry) => entry.id)).toEqual(first.entries.map((entry) => entry.id));
  });
});
