// Child process of route-bench.ts (it resolves the @dropship/* paths through tsconfig.base.json):
// seeds order-created records, then measures the identity loop (on stock kafkajs, then on the
// connector's client) and the built router on them, in turn (the machine is shared, so its load
// drifts), and prints one JSON line.
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { EVENT_TYPES, exampleEvent, toKafkaMessage, TOPICS } from '@dropship/messaging';
import { createKafka } from '@dropship/platform';
import { measureGroup, OffsetRange, Throughput } from './group-progress';

const RECORDS = Number(process.argv[2] ?? 50_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const PARTITIONS = 6;
const ROUTER_PORT = 13198;
const repoRoot = join(__dirname, '..', '..', '..');
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const postgresServer = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function ends(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  return new Map((await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => [partition, BigInt(high)]));
}

/** The router's group must be empty to move it; then it starts at the current end of its input. */
async function startRouterGroupAtEnd(admin: Admin): Promise<Map<number, bigint>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const [group] = (await admin.describeGroups(['order-router'])).groups;
    if (!group || group.members.length === 0) break;
    if (Date.now() > deadline) throw new Error('the order-router group still has members: stop running routers first');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const start = await ends(admin, TOPICS.orderCreated);
  for (const topic of [TOPICS.orderCreated, TOPICS.orderStatusUpdated]) {
    const partitions = [...(await ends(admin, topic))].map(([partition, offset]) => ({ partition, offset: offset.toString() }));
    await admin.setOffsets({ groupId: 'order-router', topic, partitions });
  }
  return start;
}

async function seed(kafka: Kafka): Promise<number> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const template = exampleEvent(EVENT_TYPES.orderCreated);
  let bytes = 0;
  for (let start = 0; start < RECORDS; start += 1000) {
    // Records as the feed-ingestor writes them: the event, and the headers toKafkaMessage sets.
    const messages = Array.from({ length: Math.min(1000, RECORDS - start) }, () => {
      const orderId = randomUUID();
      const record = toKafkaMessage({ ...template, id: `urn:uuid:${randomUUID()}`, subject: orderId, data: { ...template.data, orderId } });
      bytes += record.value.length;
      return record;
    });
    await producer.send({ topic: TOPICS.orderCreated, acks: -1, messages });
  }
  await producer.disconnect();
  return Math.round(bytes / RECORDS);
}

/** Which kafkajs the identity loop runs on: stock 2.2.4, or the connector's client (createKafka). */
type IdentityClient = 'raw' | 'connector';

async function measureIdentity(admin: Admin, range: OffsetRange, client: IdentityClient): Promise<Throughput> {
  const groupId = `route-bench-identity-${randomUUID()}`;
  const output = `route-bench-identity-out-${randomUUID()}`;
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: output, numPartitions: PARTITIONS, replicationFactor: 1 }] });
  const partitions = [...range].map(([partition, { start }]) => ({ partition, offset: start.toString() }));
  await admin.setOffsets({ groupId, topic: TOPICS.orderCreated, partitions });
  const loop = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'identity-process.ts'), TOPICS.orderCreated, output, groupId, client], {
    cwd: repoRoot,
    env: { ...process.env, KAFKA_BROKERS: brokers.join(',') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => loop.once('exit', resolve));
  try {
    return await measureGroup(admin, groupId, TOPICS.orderCreated, range);
  } finally {
    loop.kill('SIGTERM');
    await exited;
    await admin.deleteTopics({ topics: [output] }).catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
}

async function onPostgres(statement: string): Promise<void> {
  const client = new Client({ connectionString: postgresServer });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

async function measureRouter(admin: Admin, range: OffsetRange): Promise<Throughput> {
  // Every round starts the group where the records start, with an empty ledger: all orders are new.
  for (const topic of [TOPICS.orderCreated]) {
    const partitions = [...range].map(([partition, { start }]) => ({ partition, offset: start.toString() }));
    await admin.setOffsets({ groupId: 'order-router', topic, partitions });
  }
  const database = `order_router_bench_${randomUUID().slice(0, 8)}`;
  await onPostgres(`CREATE DATABASE "${database}"`);
  const url = new URL(postgresServer);
  url.pathname = `/${database}`;
  // ROUTE_BENCH_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the router.
  const flags = (process.env['ROUTE_BENCH_NODE_FLAGS'] ?? '').split(' ').filter((flag) => flag !== '');
  // ORDER_READER_THREADS passes through, to compare reading on the main thread (0) with threads.
  const threads = process.env['ORDER_READER_THREADS'];
  const router = spawn(process.execPath, [...flags, join(repoRoot, 'dist', 'apps', 'order-router', 'main.js')], {
    env: {
      PATH: process.env['PATH'] ?? '',
      KAFKA_BROKERS: brokers.join(','),
      DATABASE_URL: url.toString(),
      HTTP_PORT: String(ROUTER_PORT),
      TOPIC_PARTITIONS: String(PARTITIONS),
      LOG_LEVEL: 'warn',
      ...(threads === undefined ? {} : { ORDER_READER_THREADS: threads }),
    },
    stdio: ['ignore', 'ignore', process.env['ROUTE_BENCH_STDERR'] ? 'inherit' : 'ignore'],
  });
  const exited = new Promise((resolve) => router.once('exit', resolve));
  try {
    return await measureGroup(admin, 'order-router', TOPICS.orderCreated, range);
  } finally {
    router.kill('SIGTERM');
    await exited;
    await onPostgres(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

interface Round {
  identity: Throughput;
  identityOnConnectorClient: Throughput;
  router: Throughput;
}

/** The run with the median rate. */
function median(runs: Throughput[]): Throughput {
  const sorted = [...runs].sort((a, b) => a.recordsPerSecond - b.recordsPerSecond);
  return sorted[Math.floor(sorted.length / 2)] as Throughput;
}

async function main(): Promise<void> {
  const kafka = createKafka({ clientId: 'route-bench', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = [TOPICS.orderCreated, TOPICS.orderStatusUpdated, TOPICS.orders, TOPICS.ordersDlq];
    await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })) });
    const start = await startRouterGroupAtEnd(admin);
    const recordBytes = await seed(kafka);
    const end = await ends(admin, TOPICS.orderCreated);
    const range: OffsetRange = new Map([...start].map(([partition, offset]) => [partition, { start: offset, end: end.get(partition) ?? offset }]));
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      rounds.push({
        identity: await measureIdentity(admin, range, 'raw'),
        identityOnConnectorClient: await measureIdentity(admin, range, 'connector'),
        router: await measureRouter(admin, range),
      });
    }
    const identity = median(rounds.map((r) => r.identity));
    const identityOnConnectorClient = median(rounds.map((r) => r.identityOnConnectorClient));
    const router = median(rounds.map((r) => r.router));
    const ratioOf = (baseline: Throughput) => Math.round((router.recordsPerSecond / baseline.recordsPerSecond) * 100) / 100;
    const ratio = ratioOf(identity);
    const ratioToConnectorClient = ratioOf(identityOnConnectorClient);
    console.log(JSON.stringify({ records: RECORDS, recordBytes, partitions: PARTITIONS, identity, identityOnConnectorClient, router, ratio, ratioToConnectorClient, rounds }));
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
