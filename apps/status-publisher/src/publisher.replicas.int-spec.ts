import { Consumer, Kafka, Producer } from 'kafkajs';
import { StatusCommandData } from '@dropship/messaging';
import { collectRecords, ConsumedRecord, createTestDatabase, createTopics, ServiceProcess, startServiceProcess, testBrokers, testKafka, TestDatabase, uniqueName, waitFor, waitForHttpStatus } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, SandboxOrder, startSandbox } from '../../../tools/iqmetrix-sandbox/src';
import { acknowledgement, interleave, PlannedCommand } from './testing/command-plans';
import { commandRecord, newCommandId, publisherEnv, receivedRecord } from './testing/publisher-fixtures';
import { outcomeNames, outcomesByCommand } from './testing/results-view';
import { withoutRepeats } from './testing/sandbox-view';

// The size: 500 orders × 4 commands = 2,000 commands (and 500 acknowledgements).
const ORDERS = Number(process.env['PUBLISHER_KILL_ORDERS'] ?? 500);
const KILLS_PER_REPLICA = 3;
const PORTS = [13131, 13132];
// A PUT already written to the socket may still reach the sandbox a moment after its sender died.
const KILL_SLACK_MS = 1_000;
const RELAY_CONCURRENCY = 8;

/** BackOrdered, Ordered, Shipped with one number, Shipped again adding a second. */
function fourSteps(order: SandboxOrder, tag: string): PlannedCommand[] {
  const Id = order.orderId;
  const command = (fields: Omit<StatusCommandData, 'commandId' | 'orderId'>): StatusCommandData => ({ commandId: newCommandId(), orderId: Id, ...fields });
  return [
    { command: command({ status: 'BackOrdered' }), body: { Id, Status: 3 } },
    { command: command({ status: 'Ordered' }), body: { Id, Status: 1 } },
    { command: command({ status: 'Shipped', trackingNumbers: [`K${tag}A`] }), body: { Id, Status: 2, TrackingInfo: `K${tag}A` } },
    { command: command({ status: 'Shipped', trackingNumbers: [`K${tag}B`] }), body: { Id, Status: 2, TrackingInfo: `K${tag}A,K${tag}B` } },
  ];
}

describe('two status-publisher replicas SIGKILLed at random during a 2,000-command run', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let results: { records: ConsumedRecord[]; consumer: Consumer };
  const replicas: ServiceProcess[] = [];
  const prefix = `${uniqueName('sp-kill')}.`;
  let env: (index: number) => Record<string, string>;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
    database = await createTestDatabase();
    env = (index) =>
      publisherEnv(sandbox, { databaseUrl: database.url, brokers: testBrokers(), prefix, port: PORTS[index] }, {
        RELAY_LEASE_MS: '2000',
        RELAY_CONCURRENCY: String(RELAY_CONCURRENCY),
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        LOG_LEVEL: 'error',
      });
    kafka = testKafka('sp-kill');
    const names = ['dropship.orders.v1', 'dropship.status-commands.v1', 'dropship.status-results.v1'];
    await createTopics(kafka, names.map((name) => `${prefix}${name}`), 3);
    producer = kafka.producer();
    await producer.connect();
    results = await collectRecords(kafka, [`${prefix}dropship.status-results.v1`]);
  });

  afterAll(async () => {
    tornDown = true;
    await Promise.all(replicas.map((replica) => replica.stop()));
    await results?.consumer.disconnect();
    await producer?.disconnect();
    await sandbox?.close();
    await database?.drop();
  });

  let tornDown = false;

  async function start(index: number): Promise<void> {
    if (tornDown) return;
    replicas[index] = startServiceProcess('status-publisher', env(index));
    await waitForHttpStatus(`http://127.0.0.1:${PORTS[index]}/health/live`, 200);
  }

  it('delivers every command, in order per order, sending a PUT twice only across a kill', async () => {
    // Given two replicas that are ready
    await start(0);
    await start(1);
    await waitForHttpStatus(`http://127.0.0.1:${PORTS[0]}/health/ready`, 200, 60_000);
    // And 500 orders with four commands each
    const orders = sandbox.generateOrders(ORDERS);
    const plans = new Map(orders.map((order, i) => [order, fourSteps(order, String(i))]));
    const commands = interleave([...plans.values()]);
    const expectedPuts = orders.length + commands.length;
    // When the orders and commands arrive while each replica is SIGKILLed three times, at random
    // points of the run, and started again
    await producer.send({ topic: `${prefix}dropship.orders.v1`, messages: orders.map(receivedRecord) });
    for (let i = 0; i < commands.length; i += 250) {
      await producer.send({ topic: `${prefix}dropship.status-commands.v1`, messages: commands.slice(i, i + 250).map(({ command }) => commandRecord(command)) });
    }
    const began = Date.now();
    const kills = await killAtRandom(expectedPuts);
    // Then every command is answered accepted, then delivered
    const delivered = () => new Set(results.records.filter((record) => record.value?.includes('"outcome":"delivered"')).map((record) => (JSON.parse(record.value as string) as { data: { commandId: string } }).data.commandId));
    await waitFor(() => delivered().size >= commands.length, {
      timeoutMs: 240_000,
      intervalMs: 1_000,
      description: 'every command delivered',
    });
    const outcomes = outcomesByCommand(results.records);
    expect(commands.filter(({ command }) => outcomeNames(outcomes.get(command.commandId)).join() !== 'accepted,delivered')).toEqual([]);
    // And each order's PUTs arrived in command order, a repeat only right after itself
    const repeats: Array<{ first: number; again: number }> = [];
    for (const [order, plan] of plans) {
      const updates = sandbox.state.updates.forOrder(order.orderId).filter((update) => update.accepted);
      expect(withoutRepeats(updates.map((update) => update.body)).unique).toEqual([acknowledgement(order.orderId), ...plan.map((step) => step.body)]);
      repeats.push(...repeatsOf(updates));
    }
    // And every repeat straddles a kill: its first copy arrived before the kill, the repeat after it
    // (a replica died between the PUT and recording it), and no kill caused more repeats of one PUT
    const byKill = kills.map((kill) => repeats.filter((repeat) => repeat.first <= kill + KILL_SLACK_MS && repeat.again >= kill).length);
    const unexplained = repeats.filter((repeat) => !kills.some((kill) => repeat.first <= kill + KILL_SLACK_MS && repeat.again >= kill));
    process.stdout.write(`${JSON.stringify({ killRun: { orders: orders.length, commands: commands.length, puts: sandbox.state.updates.list().length, kills: kills.length, putsRepeated: repeats.length, repeatsPerKill: byKill, seconds: Math.round((Date.now() - began) / 1000) } })}\n`);
    expect(unexplained).toEqual([]);
    expect(repeats.length).toBeLessThanOrEqual(kills.length * RELAY_CONCURRENCY);
  }, 420_000);

  /** Kills a replica each time the run passes a random point, alternating randomly; returns the kill times. */
  async function killAtRandom(expectedPuts: number): Promise<number[]> {
    const victims = shuffle([...Array(KILLS_PER_REPLICA).fill(0), ...Array(KILLS_PER_REPLICA).fill(1)] as number[]);
    const points = victims.map((_, i) => Math.floor(((i + 0.3 + Math.random() * 0.6) / (victims.length + 1)) * expectedPuts)).sort((a, b) => a - b);
    const kills: number[] = [];
    for (const [i, point] of points.entries()) {
      await waitFor(() => sandbox.state.updates.list().length >= point, { timeoutMs: 120_000, intervalMs: 5, description: `PUT ${point}` });
      const victim = replicas[victims[i]];
      kills.push(Date.now());
      victim.child.kill('SIGKILL');
      await victim.exited;
      await start(victims[i]);
    }
    return kills;
  }
});

/** Consecutive identical accepted PUTs of one order: when the first copy and the repeat arrived. */
function repeatsOf(updates: ReadonlyArray<{ body: unknown; receivedAt: string }>): Array<{ first: number; again: number }> {
  const repeats: Array<{ first: number; again: number }> = [];
  for (let i = 1; i < updates.length; i += 1) {
    if (JSON.stringify(updates[i].body) !== JSON.stringify(updates[i - 1].body)) continue;
    repeats.push({ first: Date.parse(updates[i - 1].receivedAt), again: Date.parse(updates[i].receivedAt) });
  }
  return repeats;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
