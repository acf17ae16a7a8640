// Issue 4: replay re-publishes everything since a time, from the admin endpoint and the CLI,
// without moving the checkpoint.
import { waitFor } from '@dropship/testing';
import { startRig, type IngestorRig } from '../testing/ingestor-rig';

describe('feed-ingestor replay', () => {
  let rig: IngestorRig;
  let orderIds: string[];
  let since: string;

  /** Orders 0-59 dated ten minutes ago (the sandbox's clock set back), then orders 60-139 dated now. */
  beforeEach(async () => {
    rig = await startRig('feed-replay');
    rig.sandbox.clock.advance(-10 * 60_000);
    orderIds = rig.sandbox.generateOrders(60).map((order) => order.orderId);
    rig.sandbox.clock.resetOffset();
    since = new Date(Date.now() - 5 * 60_000).toISOString();
    orderIds.push(...rig.sandbox.generateOrders(80).map((order) => order.orderId));
  });
  afterEach(async () => {
    await rig.close();
  });

  const countsByOrder = () => {
    const counts = new Map<string, number>();
    for (const record of rig.reader.about(new Set(orderIds))) counts.set(record.key ?? '', (counts.get(record.key ?? '') ?? 0) + 1);
    return orderIds.map((orderId) => counts.get(orderId) ?? 0);
  };

  it('re-publishes every entry since the time through POST /admin/replay, shows progress, and leaves the checkpoint alone', async () => {
    // Given everything ingested once
    const ingestor = await rig.start({ pollMs: 300 });
    await waitFor(() => countsByOrder().every((count) => count === 1), { timeoutMs: 30_000, description: 'all orders once' });
    const checkpoint = await rig.checkpoint();
    // When a replay since the second batch's time is asked for
    const response = await fetch(`http://127.0.0.1:${ingestor.port}/admin/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ since }),
    });
    expect(response.status).toBe(202);
    const { jobId, statusUrl } = (await response.json()) as { jobId: string; statusUrl: string };
    // Then the job reports its progress until it succeeded
    const job = await waitFor(
      async () => {
        const status = (await (await fetch(`http://127.0.0.1:${ingestor.port}${statusUrl}`)).json()) as Record<string, unknown>;
        return status['state'] === 'running' ? undefined : status;
      },
      { timeoutMs: 30_000, intervalMs: 100, description: `replay ${jobId}` },
    );
    expect(job).toMatchObject({ id: jobId, state: 'succeeded', since, recordsPublished: 80, pagesRead: job['pagesTotal'] });
    // And the second batch is on Kafka twice (same event ids), the first once, the checkpoint unchanged
    await rig.reader.drain();
    expect(countsByOrder()).toEqual([...Array(60).fill(1), ...Array(80).fill(2)]);
    expect(await rig.checkpoint()).toEqual(checkpoint);
    // And a bad request is refused with the reason
    const bad = await fetch(`http://127.0.0.1:${ingestor.port}/admin/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ since: 'last tuesday' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'REPLAY.INVALID_REQUEST' });
  }, 90_000);

  it('re-publishes every entry since the time with `main.js replay --since`, and exits 0', async () => {
    // Given no service running at all (the CLI needs none)
    // When the replay command runs
    const cli = await rig.start({ args: ['replay', '--since', since], env: { LOG_LEVEL: 'info' } });
    // Then it exits 0 after logging its progress, and the entries since that time are on Kafka
    await expect(cli.process.exited).resolves.toEqual({ code: 0, signal: null });
    expect(cli.process.output()).toContain('"msg":"replay progress"');
    expect(cli.process.output()).toContain('"msg":"replay finished"');
    await rig.reader.drain();
    expect(countsByOrder()).toEqual([...Array(60).fill(0), ...Array(80).fill(1)]);
    // And it wrote no checkpoint (it does not even use the database)
    expect(await rig.checkpoint()).toBeUndefined();
  }, 60_000);

  it('refuses a replay without a time, with exit code 2', async () => {
    const cli = await rig.start({ args: ['replay'] });
    await expect(cli.process.exited).resolves.toEqual({ code: 2, signal: null });
    expect(cli.process.output()).toContain('usage: main.js replay --since');
  });
});
