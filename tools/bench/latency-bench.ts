// End-to-end latency at a fixed offered rate: feed entry visible at "iQmetrix" → routed record on
// dropship.orders.v1, and status command committed → PUT received by "iQmetrix"; p50/p99/p99.9,
// plus the CPU microseconds per order the three services spent together.
// `node -r @swc-node/register tools/bench/latency-bench.ts [ordersPerSecond] [seconds]`
import { createEvent, decodeEvent, ensureTopics, EVENT_TYPES, FIXED_TOPICS, toKafkaMessage, TOPICS } from '@dropship/messaging';
import { createTestDatabase, repoRoot, ServiceApp, startServiceProcess, testBrokers, testKafka, uniqueName, waitFor, waitForHttpStatus } from '@dropship/testing';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { startSandbox } from '../iqmetrix-sandbox/src';
import { startGroupsAtTheEnd } from '../e2e/src/consumer-groups';
import { percentiles, processCpuMicros } from './latency/percentiles';

const RATE = Number(process.argv[2] ?? 20);
const SECONDS = Number(process.argv[3] ?? 30);
const POLL_MS = 250;
const APPS: [ServiceApp, number][] = [['feed-ingestor', 13401], ['order-router', 13402], ['status-publisher', 13403]];

async function main(): Promise<void> {
  // No rate limit: this measures the connector; waiting for a 429's reset is tested elsewhere.
  const sandbox = await startSandbox({ port: 0, seed: uniqueName('latency'), logLevel: 'silent', rateLimit: { limit: 1_000_000_000, windowSeconds: 60 } });
  const database = await createTestDatabase('dropship_bench_test');
  const env = {
    KAFKA_BROKERS: testBrokers().join(','), DATABASE_URL: database.url, IQMETRIX_AUTH_URL: sandbox.url, IQMETRIX_DROPSHIP_URL: sandbox.url,
    IQMETRIX_CLIENT_ID: sandbox.credentials.clientId, IQMETRIX_CLIENT_SECRET: sandbox.credentials.clientSecret,
    IQMETRIX_USERNAME: sandbox.credentials.username, IQMETRIX_PASSWORD: sandbox.credentials.password,
    IQMETRIX_SUPPLIER_ID: String(sandbox.supplierId), FEED_POLL_INTERVAL_MS: String(POLL_MS), LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
  };
  const kafka = testKafka('latency');
  // The contract's topics hold earlier runs' records (the route bench leaves 150,000): the services
  // start at their end, else the orders measured here would wait behind those.
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, FIXED_TOPICS.map((topic) => ({ topic })), 6).finally(() => admin.disconnect());
  await startGroupsAtTheEnd(kafka);
  const services = APPS.map(([app, port]) => ({ app, port, process: startServiceProcess(app, { ...env, HTTP_PORT: String(port) }) }));
  const producer = kafka.producer({ idempotent: true });
  const consumer = kafka.consumer({ groupId: uniqueName('latency'), maxWaitTimeInMs: 20 });
  const created = new Map<string, number>();
  const routed = new Map<string, number>();
  const commanded = new Map<string, number>();
  try {
    for (const s of services) await waitForHttpStatus(`http://127.0.0.1:${s.port}/health/ready`, 200, 120_000);
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.orders });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = decodeEvent(message.value ?? Buffer.alloc(0));
        if (event.type !== EVENT_TYPES.orderReceived || !created.has(event.data.orderId)) return;
        routed.set(event.data.orderId, Date.now());
        const command = createEvent({ type: EVENT_TYPES.statusCommand, source: '/latency-bench', subject: event.data.orderId,
          data: { commandId: uniqueName('cmd'), orderId: event.data.orderId, status: 'Shipped', trackingNumbers: [uniqueName('1Z')] } });
        await producer.send({ topic: TOPICS.statusCommands, acks: -1, messages: [toKafkaMessage(command)] });
        commanded.set(event.data.orderId, Date.now());
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the consumer joins its group
    await warmUp(sandbox, created, routed, commanded);
    const cpuBefore = services.map((s) => processCpuMicros(s.process.child.pid as number));
    await offerOrders(sandbox, created);
    const total = created.size;
    await waitFor(() => shippedPuts(sandbox, created).size >= total, { timeoutMs: 120_000, intervalMs: 200, description: 'every Shipped PUT' });
    const cpuMicros = services.reduce((sum, s, i) => sum + processCpuMicros(s.process.child.pid as number) - (cpuBefore[i] ?? 0), 0);
    report(created, routed, commanded, shippedPuts(sandbox, created), cpuMicros);
  } finally {
    await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
    await Promise.all(services.map((s) => s.process.stop()));
    // The services' logs, for a look at what a slow order waited for.
    const logDir = join(repoRoot, 'tmp', 'bench', 'latency');
    mkdirSync(logDir, { recursive: true });
    for (const s of services) writeFileSync(join(logDir, `${s.app}.log`), s.process.output());
    await sandbox.close();
    await database.drop();
  }
}

/**
 * One order through the whole chain before measuring: the services' first group joins and
 * rebalances (slow after another bench's router just left the group) are start-up, not latency.
 */
async function warmUp(sandbox: Awaited<ReturnType<typeof startSandbox>>, ...timings: Map<string, number>[]): Promise<void> {
  const [created] = timings;
  const [order] = sandbox.generateOrders(1);
  if (!order || !created) throw new Error('the sandbox generated no order');
  created.set(order.orderId, Date.now());
  await waitFor(() => shippedPuts(sandbox, created).size === 1, { timeoutMs: 180_000, intervalMs: 200, description: 'the warm-up order shipped' });
  for (const timing of timings) timing.clear();
}

/** One order every 1/RATE seconds for SECONDS, each timed when its entry is on the feed. */
async function offerOrders(sandbox: Awaited<ReturnType<typeof startSandbox>>, created: Map<string, number>): Promise<void> {
  const start = Date.now();
  for (let i = 0; i < RATE * SECONDS; i += 1) {
    const due = start + (i * 1000) / RATE;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    const [order] = sandbox.generateOrders(1);
    if (order) created.set(order.orderId, Date.now());
  }
}

/** When iQmetrix received each order's Shipped PUT (Status 2), by order id. */
function shippedPuts(sandbox: Awaited<ReturnType<typeof startSandbox>>, created: Map<string, number>): Map<string, number> {
  const puts = new Map<string, number>();
  for (const orderId of created.keys()) {
    const shipped = sandbox.state.updates.forOrder(orderId).find((u) => u.accepted && (u.body as { Status?: unknown })?.Status === 2);
    if (shipped) puts.set(orderId, Date.parse(shipped.receivedAt));
  }
  return puts;
}

function report(created: Map<string, number>, routed: Map<string, number>, commanded: Map<string, number>, puts: Map<string, number>, cpuMicros: number): void {
  const feedToRouted = [...routed].map(([id, at]) => at - (created.get(id) ?? at));
  const commandToPut = [...puts].map(([id, at]) => at - (commanded.get(id) ?? at));
  const a = percentiles(feedToRouted);
  const b = percentiles(commandToPut);
  const perOrder = cpuMicros / created.size;
  process.stdout.write(`offered ${RATE} orders/s for ${SECONDS} s (${created.size} orders), feed poll interval ${POLL_MS} ms\n`);
  process.stdout.write(`feed entry → routed record  p50 ${a.p50} ms  p99 ${a.p99} ms  p99.9 ${a.p999} ms\n`);
  process.stdout.write(`status command → PUT        p50 ${b.p50} ms  p99 ${b.p99} ms  p99.9 ${b.p999} ms\n`);
  process.stdout.write(`CPU per order, three services together: ${Math.round(perOrder)} µs\n`);
  const row = (figure: string, value: number, unit: string, goal?: string) => ({ figure, value, unit, goal });
  process.stdout.write(`${JSON.stringify({
    bench: 'latency',
    settings: { ordersPerSecond: RATE, seconds: SECONDS, feedPollIntervalMs: POLL_MS },
    rows: [
      row('feed entry → routed record, p50', a.p50, 'ms'), row('feed entry → routed record, p99', a.p99, 'ms'),
      row('feed entry → routed record, p99.9', a.p999, 'ms'), row('status command → PUT, p50', b.p50, 'ms'),
      row('status command → PUT, p99', b.p99, 'ms'), row('status command → PUT, p99.9', b.p999, 'ms'),
      row('CPU per order (ingest + route + publish)', Math.round(perOrder), 'µs'),
    ],
  })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`latency bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
