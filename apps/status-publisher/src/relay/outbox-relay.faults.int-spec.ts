import { Consumer, Kafka, Producer } from 'kafkajs';
import { collectRecords, ConsumedRecord, createTestDatabase, testBrokers, testKafka, TestDatabase, uniqueName, waitFor, waitForHttpStatus } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, SandboxOrder, startSandbox } from '../../../../tools/iqmetrix-sandbox/src';
import { acknowledgement, interleave, PlanKind, planFor, PlannedCommand } from '../testing/command-plans';
import { InProcessPublisher, startInProcessPublisher } from '../testing/in-process-publisher';
import { commandRecord, publisherEnv, receivedRecord } from '../testing/publisher-fixtures';
import { outcomeNames, outcomesByCommand } from '../testing/results-view';
import { acceptedBodies } from '../testing/sandbox-view';

const KINDS: PlanKind[] = ['ship', 'partial-then-ship', 'backorder-then-ship', 'cancel'];
const ORDERS = Number(process.env['PUBLISHER_FAULT_ORDERS'] ?? 100);

describe('status-publisher against a failing iQmetrix', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let publisher: InProcessPublisher;
  let kafka: Kafka;
  let producer: Producer;
  let results: { records: ConsumedRecord[]; consumer: Consumer };
  const prefix = `${uniqueName('sp-faults')}.`;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'publisher-faults' });
    database = await createTestDatabase();
    publisher = await startInProcessPublisher(publisherEnv(sandbox, { databaseUrl: database.url, brokers: testBrokers(), prefix }));
    await waitForHttpStatus(`${publisher.url}/health/ready`, 200);
    kafka = testKafka('sp-faults');
    producer = kafka.producer();
    await producer.connect();
    results = await collectRecords(kafka, [`${prefix}dropship.status-results.v1`]);
  });

  afterAll(async () => {
    await results?.consumer.disconnect();
    await producer?.disconnect();
    await publisher?.close();
    await sandbox?.close();
    await database?.drop();
  });

  async function faults(settings: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
    expect(response.status).toBe(200);
  }

  it('delivers every command in order per order through 503s, 429 bursts, 2-second stalls and an early token expiry', async () => {
    // Given iQmetrix failing 30% of PUTs with 503, stalling 5% for 2 s, and allowing 40 requests a second
    await faults({ errorRate: 0.3, errorStatus: 503, errorPaths: 'put', latencyMs: 2_000, latencyRate: 0.05, rateLimit: { limit: 40, windowSeconds: 1 } });
    const orders = sandbox.generateOrders(ORDERS);
    const plans = new Map<SandboxOrder, PlannedCommand[]>(orders.map((order, i) => [order, planFor(KINDS[i % KINDS.length], order, `F${i}`)]));
    const commands = interleave([...plans.values()]);
    // When the orders and then their commands arrive
    await producer.send({ topic: `${prefix}dropship.orders.v1`, messages: orders.map(receivedRecord) });
    await producer.send({ topic: `${prefix}dropship.status-commands.v1`, messages: commands.map(({ command }) => commandRecord(command)) });
    // And, a third of the way through, iQmetrix revokes every token and issues 3-second ones from then on
    const delivered = () => results.records.filter((record) => record.value?.includes('"outcome":"delivered"')).length;
    await waitFor(() => delivered() >= commands.length / 3, { timeoutMs: 120_000, description: 'a third delivered' });
    await faults({ expireTokensNow: true, tokenTtlSeconds: 3 });
    // Then every command is delivered
    await waitFor(() => delivered() >= commands.length, { timeoutMs: 240_000, intervalMs: 500, description: 'every command delivered' });
    const outcomes = outcomesByCommand(results.records);
    expect(commands.filter(({ command }) => outcomeNames(outcomes.get(command.commandId)).join() !== 'accepted,delivered')).toEqual([]);
    // And iQmetrix received each order's PUTs exactly once, in command order, with every tracking number
    for (const [order, plan] of plans) {
      expect(acceptedBodies(sandbox, order.orderId)).toEqual([acknowledgement(order.orderId), ...plan.map((step) => step.body)]);
    }
    // And the faults really happened
    const { requests, counters } = sandbox.state.stats.snapshot();
    const puts = { ...requests['status.order'] } as Record<string, number>;
    for (const [status, count] of Object.entries(requests['status.item'] ?? {})) puts[status] = (puts[status] ?? 0) + count;
    expect(counters['injectedErrors']).toBeGreaterThan(0);
    expect(puts['429']).toBeGreaterThan(0);
    expect(puts['401']).toBeGreaterThan(0);
    process.stdout.write(`${JSON.stringify({ faultRun: { orders: ORDERS, commands: commands.length, puts, injectedErrors: counters['injectedErrors'] } })}\n`);
  });
});
