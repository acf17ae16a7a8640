// Issue 4: with two replicas exactly one polls; when it dies the other takes over within two poll intervals.
import { waitFor } from '@dropship/testing';
import { startRig, type IngestorProcess, type IngestorRig } from '../testing/ingestor-rig';

const POLL_MS = 2_000;

describe('feed-ingestor replicas', () => {
  let rig: IngestorRig;

  beforeEach(async () => {
    rig = await startRig('feed-replicas');
  });
  afterEach(async () => {
    await rig.close();
  });

  const isLeader = async (replica: IngestorProcess) => (await replica.metric('dropship_feed_leader')) === 1;
  const polls = async (replica: IngestorProcess) => (await replica.metric('dropship_feed_poll_duration_seconds_count', { outcome: 'success' })) ?? 0;

  it('polls from exactly one replica, and the other takes over within two poll intervals of a SIGKILL', async () => {
    // Given two replicas on one database, both up
    const orderIds = new Set(rig.sandbox.generateOrders(20).map((order) => order.orderId));
    const replicas = [await rig.start({ pollMs: POLL_MS }), await rig.start({ pollMs: POLL_MS })];
    await waitFor(async () => (await Promise.all(replicas.map(isLeader))).filter(Boolean).length === 1, {
      timeoutMs: 30_000,
      intervalMs: 100,
      description: 'one leader',
    });
    const leader = (await isLeader(replicas[0])) ? replicas[0] : replicas[1];
    const standby = leader === replicas[0] ? replicas[1] : replicas[0];
    await leader.polled(3);
    // Then only the leader polls, and the orders were published once
    expect(await polls(standby)).toBe(0);
    expect(await isLeader(standby)).toBe(false);
    await waitFor(() => rig.reader.about(orderIds).length >= 20, { timeoutMs: 20_000, description: 'the orders' });

    // When the leader is killed
    leader.process.child.kill('SIGKILL');
    const killedAt = Date.now();
    await leader.process.exited;
    // Then the standby leads and completes a poll within two poll intervals
    await waitFor(async () => (await polls(standby)) >= 1, { timeoutMs: 4 * POLL_MS, intervalMs: 50, description: 'the standby to poll' });
    const takeoverMs = Date.now() - killedAt;
    process.stdout.write(`feed-ingestor takeover after SIGKILL: ${takeoverMs} ms (poll interval ${POLL_MS} ms)\n`);
    expect(takeoverMs).toBeLessThanOrEqual(2 * POLL_MS);
    // And it carries on from the checkpoint: new orders once, old ones not again
    const later = new Set(rig.sandbox.generateOrders(5).map((order) => order.orderId));
    await waitFor(() => rig.reader.about(later).length >= 5, { timeoutMs: 20_000, description: 'orders after the takeover' });
    await standby.polled((await polls(standby)) + 1);
    await rig.reader.drain();
    expect(rig.reader.about(orderIds)).toHaveLength(20);
    expect(rig.reader.about(later)).toHaveLength(5);
  }, 120_000);
});
