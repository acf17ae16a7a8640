// Issue 4: iQmetrix failures are survived, and readiness reflects a sustained outage.
import { waitFor } from '@dropship/testing';
import { startRig, type IngestorRig } from '../testing/ingestor-rig';

describe('feed-ingestor under iQmetrix failures', () => {
  let rig: IngestorRig;

  beforeEach(async () => {
    rig = await startRig('feed-faults');
  });
  afterEach(async () => {
    await rig.close();
  });

  it('survives 5xx answers, dropped connections and expired tokens, and publishes every entry exactly once', async () => {
    // Given 300 orders (6 pages) and a feed that fails a quarter of its calls with 503 or a dropped connection
    const orderIds = new Set(rig.sandbox.generateOrders(300).map((order) => order.orderId));
    rig.sandbox.state.faults.configure({ errorRate: 0.15, errorStatus: 503, dropConnectionRate: 0.1, errorPaths: 'feed' });
    const ingestor = await rig.start({ pollMs: 200, env: { LOG_LEVEL: 'info' } });
    const progress = (wanted: number, description: string) =>
      waitFor(() => rig.reader.about(orderIds).length >= wanted, { timeoutMs: 90_000, description }).catch((error: unknown) => {
        throw new Error(`${(error as Error).message}\n${ingestor.process.output().split('\n').filter((line) => !line.includes('feed entry published')).slice(-40).join('\n')}`);
      });
    // When, a third of the way through, iQmetrix's clock passes the token's expiry (the ingestor's has not)
    await progress(100, 'a third of the orders');
    rig.sandbox.clock.advance(43_200_000);
    // Then all orders arrive anyway
    await progress(300, 'all 300 orders');
    // And every kind of fault did happen while it ran (they are random, and the pages read last may
    // have come from the scan's cache: the ingestor keeps polling until each was met and survived;
    // most are absorbed by the walk's page retries, the rest by the poll's backoff)
    const unauthorized = () => {
      const { requests } = rig.sandbox.state.stats.snapshot();
      return (requests['feed.current']?.['401'] ?? 0) + (requests['feed.page']?.['401'] ?? 0);
    };
    const stats = rig.sandbox.state.stats;
    await waitFor(() => unauthorized() > 0 && stats.get('injectedErrors') > 0 && stats.get('droppedConnections') > 0, {
      timeoutMs: 60_000,
      description: 'a 401, a 503 and a dropped connection',
    });
    // And once iQmetrix is well again, new orders still come, and nothing came twice
    rig.sandbox.state.faults.clear();
    const later = new Set(rig.sandbox.generateOrders(5).map((order) => order.orderId));
    await waitFor(() => rig.reader.about(later).length >= 5, { timeoutMs: 30_000, description: 'orders after the faults' });
    await rig.reader.drain();
    const records = rig.reader.about(new Set([...orderIds, ...later]));
    expect(records).toHaveLength(305);
    expect(new Set(records.map((record) => record.key)).size).toBe(305);
  }, 300_000);

  it('turns unready during a sustained outage, names the error, and is ready again once iQmetrix answers', async () => {
    // Given a running ingestor that is ready
    rig.sandbox.generateOrders(10);
    const ingestor = await rig.start({ pollMs: 200 });
    const ready = `http://127.0.0.1:${ingestor.port}/health/ready`;
    await ingestor.polled(1);
    await waitFor(async () => (await fetch(ready)).status === 200, { timeoutMs: 20_000, description: 'ready' });
    // When every feed call fails
    rig.sandbox.state.faults.configure({ errorRate: 1, errorStatus: 503, errorPaths: 'feed' });
    // Then readiness turns false, naming the error, and the metrics say why
    const unready = await waitFor(
      async () => {
        const response = await fetch(ready);
        return response.status === 503 ? ((await response.json()) as { checks: Record<string, { ok: boolean; error?: string }> }) : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, description: 'readiness to turn false' },
    );
    expect(unready.checks['feed']).toEqual({ ok: false, error: expect.stringContaining('IQMETRIX.UNAVAILABLE') });
    expect(await ingestor.metric('dropship_feed_last_error_info', { code: 'IQMETRIX.UNAVAILABLE' })).toBe(1);
    expect(await ingestor.metric('dropship_feed_consecutive_failures')).toBeGreaterThanOrEqual(3);
    // When iQmetrix recovers
    rig.sandbox.state.faults.clear();
    // Then the ingestor is ready again and publishes what came meanwhile
    await waitFor(async () => (await fetch(ready)).status === 200, { timeoutMs: 30_000, intervalMs: 100, description: 'ready again' });
    const later = new Set(rig.sandbox.generateOrders(3).map((order) => order.orderId));
    await waitFor(() => rig.reader.about(later).length === 3, { timeoutMs: 20_000, description: 'orders after the outage' });
    expect(await ingestor.metric('dropship_feed_consecutive_failures')).toBe(0);
  }, 120_000);
});
