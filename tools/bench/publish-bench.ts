// Publish benchmark: `node -r @swc-node/register tools/bench/publish-bench.ts` (npm run bench:publish).
// (a) the sandbox's own top speed for status PUTs: a plain undici load generator with the relay's
//     connection count (RELAY_CONCURRENCY, default 16);
// (b) the relay's delivered PUT/s: the built status-publisher draining a pre-filled outbox (rows of
//     1,000 orders, each order's rows strictly one after another), through Postgres, the lease/fence
//     updates, the status client and the results outbox, after a first drain of 2,000 rows that
//     warms it up;
// (c) command commit → PUT received, p50/p99, at half of (b): transactions committing one PUT each at
//     exactly that rate (as command transactions of other replicas would), and beside it real
//     commands through Kafka at the same target rate (end to end; this replica's intake may not keep
//     up, and the rate it reached is printed).
// The sandbox and the publisher run in their own processes; Kafka and Postgres are the local ones.
// Prints a table and one JSON line.
import { randomBytes } from 'node:crypto';
import { createKafka } from '@dropship/platform';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import type { SandboxOrder } from '../iqmetrix-sandbox/src';
import { startPublisherProcess, startSandboxProcess } from './publish/bench-processes';
import { LatencyResult, runCommittedRowLatency, runKafkaCommandLatency } from './publish/commit-latency';
import { runRelayThroughput } from './publish/relay-throughput';
import { runBaseline } from './publish/undici-baseline';

const RATIO_GOAL = 0.6;
const P99_GOAL_MS = 50;
const CONNECTIONS = Number(process.env['RELAY_CONCURRENCY'] ?? 16);
const THROUGHPUT_ROWS = Number(process.argv[2] ?? 6_000);
const WARM_UP_ROWS = 2_000;
const LATENCY_SECONDS = Number(process.argv[3] ?? 10);
const POSTGRES = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

async function createOrders(sandboxUrl: string, count: number): Promise<SandboxOrder[]> {
  const response = await fetch(`${sandboxUrl}/_sandbox/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ generate: count }),
  });
  return ((await response.json()) as { orders: SandboxOrder[] }).orders;
}

async function onServer(statement: string): Promise<void> {
  const client = new Client({ connectionString: POSTGRES });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

function row(cells: Array<string | number>): string {
  return cells.map((cell, index) => String(cell)[index === 0 ? 'padEnd' : 'padStart'](index === 0 ? 50 : 14)).join('');
}

async function main(): Promise<void> {
  const tag = randomBytes(4).toString('hex');
  const database = `dropship_bench_publish_${tag}`;
  const prefix = `bench-publish-${tag}.`;
  const databaseUrl = Object.assign(new URL(POSTGRES), { pathname: `/${database}` }).toString();
  const kafka = createKafka({ clientId: `bench-publish-${tag}`, brokers: BROKERS, logLevel: logLevel.NOTHING });
  const sandbox = await startSandboxProcess();
  let publisher: { stop(): Promise<void> } | undefined;
  try {
    const throughputOrders = await createOrders(sandbox.url, 1_000);
    const baseline = await runBaseline(sandbox.url, throughputOrders.map((order) => order.orderId), { connections: CONNECTIONS, seconds: 5 });
    publisher = await startPublisherProcess(publisherEnv(sandbox.url, databaseUrl, prefix));
    const orderIds = throughputOrders.map((order) => order.orderId);
    // A long-running relay is measured, not a cold one: a first drain warms its code and connections.
    await runRelayThroughput(databaseUrl, orderIds, WARM_UP_ROWS, 'bench-w-');
    const relay = await runRelayThroughput(databaseUrl, orderIds, THROUGHPUT_ROWS);
    const halfLoad = Math.max(1, Math.round(relay.putsPerSecond / 2));
    const run = { databaseUrl, sandboxUrl: sandbox.url };
    const latency = await runCommittedRowLatency({ ...run, orders: throughputOrders }, halfLoad, LATENCY_SECONDS);
    const kafkaOrders = await createOrders(sandbox.url, 200);
    const endToEnd = await runKafkaCommandLatency({ ...run, orders: kafkaOrders, kafka, topicPrefix: prefix }, halfLoad, LATENCY_SECONDS);
    report({ baseline, relay, latency, endToEnd });
  } finally {
    await publisher?.stop();
    await sandbox.stop();
    await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await deleteTopics(kafka, prefix);
  }
}

function publisherEnv(sandboxUrl: string, databaseUrl: string, prefix: string): Record<string, string> {
  return {
    IQMETRIX_AUTH_URL: sandboxUrl,
    IQMETRIX_DROPSHIP_URL: sandboxUrl,
    IQMETRIX_CLIENT_ID: 'sandbox-client',
    IQMETRIX_CLIENT_SECRET: 'sandbox-secret',
    IQMETRIX_USERNAME: 'supplier@example.com',
    IQMETRIX_PASSWORD: 'sandbox-password',
    IQMETRIX_SUPPLIER_ID: '60455',
    KAFKA_BROKERS: BROKERS.join(','),
    DATABASE_URL: databaseUrl,
    HTTP_PORT: String(13190 + Math.floor(Math.random() * 50)),
    LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info',
    KAFKA_TOPIC_PREFIX: prefix,
    AUTO_ACKNOWLEDGE: 'false',
    RELAY_CONCURRENCY: String(CONNECTIONS),
  };
}

async function deleteTopics(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

function report(figures: {
  baseline: Awaited<ReturnType<typeof runBaseline>>;
  relay: Awaited<ReturnType<typeof runRelayThroughput>>;
  latency: LatencyResult;
  endToEnd: LatencyResult;
}): void {
  const { baseline, relay, latency, endToEnd } = figures;
  const ratio = relay.putsPerSecond / baseline.putsPerSecond;
  const round = (value: number): number => Math.round(value * 10) / 10;
  process.stdout.write(`${row(['', 'value', 'goal'])}\n`);
  process.stdout.write(`${row([`sandbox max PUT/s (undici, ${CONNECTIONS} connections)`, round(baseline.putsPerSecond), ''])}\n`);
  process.stdout.write(`${row([`relay delivered PUT/s (${relay.rows} rows, ${relay.orders} orders)`, round(relay.putsPerSecond), ''])}\n`);
  process.stdout.write(`${row(['ratio relay / sandbox', ratio.toFixed(2), `≥ ${RATIO_GOAL}`])}\n`);
  process.stdout.write(`${row([`commit → PUT p50, rows committed at ${round(latency.committedPerSecond)}/s (ms)`, round(latency.p50Ms), ''])}\n`);
  process.stdout.write(`${row([`commit → PUT p99, rows committed at ${round(latency.committedPerSecond)}/s (ms)`, round(latency.p99Ms), `≤ ${P99_GOAL_MS}`])}\n`);
  process.stdout.write(`${row([`Kafka commands: intake committed ${round(endToEnd.committedPerSecond)}/s of ${endToEnd.targetPerSecond}/s`, '', ''])}\n`);
  process.stdout.write(`${row(['  commit → PUT p50 (ms)', round(endToEnd.p50Ms), ''])}\n`);
  process.stdout.write(`${row(['  commit → PUT p99 (ms)', round(endToEnd.p99Ms), `≤ ${P99_GOAL_MS}`])}\n`);
  const rows = [
    { figure: 'relay delivered PUTs', value: round(relay.putsPerSecond), unit: 'PUT/s', baseline: `undici, ${CONNECTIONS} connections`, baselineValue: round(baseline.putsPerSecond), ratio: Number(ratio.toFixed(2)), goal: `≥ ${RATIO_GOAL}`, met: ratio >= RATIO_GOAL },
    { figure: `commit → PUT p50, half load (${round(latency.committedPerSecond)}/s)`, value: round(latency.p50Ms), unit: 'ms' },
    { figure: `commit → PUT p99, half load (${round(latency.committedPerSecond)}/s)`, value: round(latency.p99Ms), unit: 'ms', goal: `≤ ${P99_GOAL_MS} ms`, met: latency.p99Ms <= P99_GOAL_MS },
    { figure: `Kafka command commit → PUT p99 (${round(endToEnd.committedPerSecond)}/s)`, value: round(endToEnd.p99Ms), unit: 'ms', goal: `≤ ${P99_GOAL_MS} ms`, met: endToEnd.p99Ms <= P99_GOAL_MS },
  ];
  process.stdout.write(`${JSON.stringify({ bench: 'publish', rows, baseline, relay, latency, endToEnd, connections: CONNECTIONS })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`publish bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
