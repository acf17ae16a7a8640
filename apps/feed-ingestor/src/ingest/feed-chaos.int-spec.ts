// Issue 4: killed at random moments during a catch-up, the ingestor loses nothing; the only
// duplicates are entries of the page in flight at a kill, with the same event id.
import { Client } from 'pg';
import { waitFor, waitForHttpStatus } from '@dropship/testing';
import type { FeedRecord } from '../testing/feed-topics-reader';
import { startRig, type IngestorRig } from '../testing/ingestor-rig';

const PAGE_SIZE = 50;
const ENTRIES = Number(process.env['FEED_CHAOS_ENTRIES'] ?? 2_000);
const KILLS = 5;

describe('feed-ingestor crash safety', () => {
  let rig: IngestorRig;

  beforeEach(async () => {
    rig = await startRig('feed-chaos');
  });
  afterEach(async () => {
    await rig.close();
  });

  /** The feed page (0 = oldest) of each order: the sandbox fills pages of 50 in creation order. */
  const pagesOf = (orderIds: string[]) => new Map(orderIds.map((orderId, index) => [orderId, Math.floor(index / PAGE_SIZE)]));

  /** The page right after the checkpoint's: the one a killed process may have been sending. */
  async function pageInFlight(page: Map<string, number>): Promise<number> {
    const checkpoint = await rig.checkpoint();
    if (checkpoint === undefined) return 0;
    const published = rig.reader.records.find((record) => record.event.id === checkpoint.entry_id);
    // The checkpoint only ever names an entry Kafka already has.
    expect(published).toBeDefined();
    return (page.get(published?.key ?? '') ?? -1) + 1;
  }

  it(`loses nothing when SIGKILLed ${KILLS} times during a ${ENTRIES}-entry catch-up`, async () => {
    // Given a backlog of orders
    const orderIds = rig.sandbox.generateOrders(ENTRIES).map((order) => order.orderId);
    const mine = new Set(orderIds);
    const page = pagesOf(orderIds);
    const inFlight = new Set<number>();
    // When the ingestor is killed with SIGKILL at random points of its progress, and restarted each time
    for (let kill = 0; kill < KILLS; kill += 1) {
      const target = Math.min(ENTRIES, rig.reader.about(mine).length + 1 + Math.floor(Math.random() * 400));
      const ingestor = await rig.start({ pollMs: 300 });
      await waitFor(() => rig.reader.about(mine).length >= target, { timeoutMs: 60_000, intervalMs: 5, description: `${target} records` });
      // Not a wait for anything: a random offset, so the kill lands anywhere in a page's send-then-commit cycle.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 150));
      ingestor.process.child.kill('SIGKILL');
      await ingestor.process.exited;
      await rig.reader.drain();
      inFlight.add(await pageInFlight(page));
    }
    const last = await rig.start({ pollMs: 300 });
    await waitFor(() => new Set(rig.reader.about(mine).map((record) => record.key)).size >= ENTRIES, {
      timeoutMs: 120_000,
      description: 'every order on Kafka',
    });
    // The backlog may be on Kafka (from earlier runs) before this process serves HTTP: wait for it, then for one more poll.
    await waitForHttpStatus(`http://127.0.0.1:${last.port}/health/live`, 200, 60_000);
    await last.polled(((await last.metric('dropship_feed_poll_duration_seconds_count', { outcome: 'success' })) ?? 0) + 1);
    await rig.reader.drain();

    // Then every entry is on the topic
    const records = rig.reader.about(mine);
    expect(new Set(records.map((record) => record.key))).toEqual(mine);
    // And each duplicate repeats an entry of a page in flight at a kill, under the same event id
    const byId = new Map<string, FeedRecord[]>();
    for (const record of records) byId.set(record.event.id, [...(byId.get(record.event.id) ?? []), record]);
    const duplicated = [...byId.values()].filter((copies) => copies.length > 1);
    for (const copies of duplicated) {
      expect(new Set(copies.map((copy) => copy.key)).size).toBe(1);
      expect(inFlight.has(page.get(copies[0].key ?? '') ?? -1)).toBe(true);
    }
    expect(byId.size).toBe(ENTRIES);
    const extra = records.length - ENTRIES;
    const pages = [...new Set(duplicated.map((copies) => page.get(copies[0].key ?? '')))].sort((a, b) => (a ?? 0) - (b ?? 0));
    process.stdout.write(
      `feed-ingestor SIGKILL chaos: ${ENTRIES} entries, ${KILLS} kills, ${extra} duplicate records ` +
        `(${duplicated.length} entries, pages ${JSON.stringify(pages)}; pages in flight at the kills ${JSON.stringify([...inFlight].sort((a, b) => a - b))})\n`,
    );
  }, 300_000);

  it('finishes the page in flight on SIGTERM, exits 0, and resumes without a duplicate', async () => {
    // Given a catch-up under way
    const orderIds = rig.sandbox.generateOrders(1_000).map((order) => order.orderId);
    const mine = new Set(orderIds);
    const first = await rig.start({ pollMs: 300 });
    await waitFor(() => rig.reader.about(mine).length >= 200, { timeoutMs: 60_000, intervalMs: 5, description: '200 records' });
    // When it is asked to stop
    first.process.child.kill('SIGTERM');
    // Then it exits cleanly, with its checkpoint on an entry Kafka has
    await expect(first.process.exited).resolves.toEqual({ code: 0, signal: null });
    await rig.reader.drain();
    const checkpoint = await rig.checkpoint();
    expect(rig.reader.records.some((record) => record.event.id === checkpoint?.entry_id)).toBe(true);
    // And a restart publishes the rest, with no entry twice
    await rig.start({ pollMs: 300 });
    await waitFor(() => rig.reader.about(mine).length >= 1_000, { timeoutMs: 60_000, description: 'all orders' });
    await rig.reader.drain();
    const records = rig.reader.about(mine);
    expect(records).toHaveLength(1_000);
    expect(new Set(records.map((record) => record.event.id)).size).toBe(1_000);
  }, 180_000);

  it('sends the page in flight again after a kill between Kafka and the checkpoint: those entries, same event ids, nothing else', async () => {
    // Given a running ingestor, and checkpoint writes held up by a lock the test takes
    const first = await rig.start({ pollMs: 300 });
    await first.polled(1);
    const blocker = new Client({ connectionString: rig.database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE feed_ingestor.checkpoints IN SHARE MODE');
    // When 120 orders come (pages of 50, 50 and 20), and the ingestor is killed once page 1 is on
    // Kafka while its checkpoint write waits
    const orderIds = rig.sandbox.generateOrders(120).map((order) => order.orderId);
    const mine = new Set(orderIds);
    await waitFor(() => rig.reader.about(mine).length >= PAGE_SIZE, { timeoutMs: 30_000, description: 'page 1 on Kafka' });
    // pg_stat_clear_snapshot(): inside the blocker's transaction pg_stat_activity would stay as first read.
    const leaderWaiting =
      "SELECT pg_stat_clear_snapshot(), (SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'feed-ingestor-leader' AND wait_event_type = 'Lock') AS n";
    await waitFor(async () => (await blocker.query(leaderWaiting)).rows[0].n === 1, { timeoutMs: 10_000, description: 'the checkpoint write to wait' });
    first.process.child.kill('SIGKILL');
    await first.process.exited;
    // Then Postgres drops the dead leader's session (and its lock) without committing its write
    const leaders = "SELECT pg_stat_clear_snapshot(), (SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'feed-ingestor-leader') AS n";
    await waitFor(async () => (await blocker.query(leaders)).rows[0].n === 0, { timeoutMs: 10_000, description: 'the dead session to go' });
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect(await rig.checkpoint()).toBeUndefined();
    // And after a restart every order is there, page 1's entries twice with the same event ids, nothing else twice
    await rig.start({ pollMs: 300 });
    await waitFor(() => rig.reader.about(mine).length >= 120 + PAGE_SIZE, { timeoutMs: 30_000, description: 'the rest' });
    await rig.reader.drain();
    const records = rig.reader.about(mine);
    const copies = new Map<string, FeedRecord[]>();
    for (const record of records) copies.set(record.event.id, [...(copies.get(record.event.id) ?? []), record]);
    const twice = [...copies.values()].filter((list) => list.length > 1);
    expect(records).toHaveLength(120 + PAGE_SIZE);
    expect(new Set(records.map((record) => record.key))).toEqual(mine);
    expect(twice.map((list) => list[0].key).sort()).toEqual(orderIds.slice(0, PAGE_SIZE).sort());
    expect(twice.every((list) => list.length === 2 && list[0].key === list[1].key)).toBe(true);
    process.stdout.write(`feed-ingestor kill between Kafka ack and checkpoint: ${twice.length} duplicates, all from the page in flight\n`);
  }, 120_000);
});
