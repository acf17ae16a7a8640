import { createTestDatabase, ServiceProcess, TestDatabase, testKafka, waitFor } from '@dropship/testing';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '@dropship/messaging';
import { planLifecycles, trickle, wrongLifecycles } from '../testing/order-lifecycles';
import { PostgresProxy } from '../testing/postgres-proxy';
import { metricValue, prepareRouterGroup, routerEnv, startRouter, waitForDrained } from '../testing/router-harness';
import { OutputWatcher } from '../testing/output-watcher';

/*
 * "Postgres stopped for 10 seconds mid-run": the machine's Postgres is shared with other tests,
 * so the router reaches it through a proxy that the test cuts (open connections reset, new ones
 * refused, as when the server stops) and restores after 10 s.
 */
const ORDERS = 400;
const PORT = 13141;
const OUTAGE_MS = 10_000;

describe('order-router while Postgres is away (real Kafka and Postgres)', () => {
  let kafka: Kafka;
  let database: TestDatabase;
  let watcher: OutputWatcher | undefined;
  const proxy = new PostgresProxy();
  const routers: ServiceProcess[] = [];

  beforeAll(async () => {
    kafka = testKafka('router-postgres');
    database = await createTestDatabase();
    await prepareRouterGroup(kafka);
  });

  afterAll(async () => {
    await Promise.all(routers.map((router) => router.stop()));
    await watcher?.stop();
    await proxy.stop();
    await database.drop();
  });

  it('retries without dead-lettering or losing anything, reports not ready meanwhile, and resumes by itself', async () => {
    // Given a running router whose database connection goes through the proxy
    const url = new URL(database.url);
    url.port = String(await proxy.start());
    const lifecycles = planLifecycles(ORDERS);
    watcher = await OutputWatcher.start(kafka, [TOPICS.orders, TOPICS.ordersDlq], new Set(lifecycles.map((l) => l.orderId)));
    const router = await startRouter(routerEnv(url.toString(), PORT), routers);
    const production = trickle(kafka, lifecycles, 10, 300);
    const output = watcher;
    await waitFor(() => output.on(TOPICS.orders).length >= ORDERS * 0.3, { timeoutMs: 60_000, description: 'some output' });

    // When Postgres is away for 10 seconds mid-run
    await proxy.cut();
    const restored = new Promise<void>((resolve) => setTimeout(resolve, OUTAGE_MS)).then(() => proxy.restore());
    const ready = `http://127.0.0.1:${PORT}/health/ready`;
    const unready = await waitFor(
      async () => {
        const response = await fetch(ready);
        return response.status === 503 ? ((await response.json()) as unknown) : undefined;
      },
      { timeoutMs: OUTAGE_MS, description: 'readiness to fail during the outage' },
    );
    await restored;
    await production;

    // Then, with no restart, everything arrives exactly once and in order, and nothing is dead-lettered
    await waitForDrained(kafka);
    await watcher.waitCaughtUp(kafka, [TOPICS.orders, TOPICS.ordersDlq]);
    expect(unready).toMatchObject({ status: 'unavailable' });
    expect(wrongLifecycles(watcher.records, lifecycles)).toEqual([]);
    expect(watcher.on(TOPICS.orders)).toHaveLength(3 * ORDERS);
    expect(watcher.on(TOPICS.ordersDlq)).toEqual([]);
    expect(router.child.exitCode).toBeNull();
    await expect(metricValue(PORT, 'dropship_router_batch_failures_total')).resolves.toBeGreaterThan(0);
    await expect(metricValue(PORT, 'dropship_router_dead_letters_total')).resolves.toBe(0);
    // And readiness is back
    await waitFor(async () => (await fetch(ready)).status === 200, { timeoutMs: 30_000, description: 'ready again' });
  }, 180_000);
});
