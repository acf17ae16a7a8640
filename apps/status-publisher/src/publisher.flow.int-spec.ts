import { Consumer, Kafka, Producer } from 'kafkajs';
import { StatusCommandData } from '@dropship/messaging';
import { collectRecords, ConsumedRecord, createTestDatabase, testBrokers, testKafka, TestDatabase, uniqueName, waitFor, waitForHttpStatus } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, SandboxOrder, startSandbox } from '../../../tools/iqmetrix-sandbox/src';
import { acknowledgement, interleave, PlanKind, planFor, PlannedCommand } from './testing/command-plans';
import { InProcessPublisher, startInProcessPublisher } from './testing/in-process-publisher';
import { commandRecord, publisherEnv, receivedRecord } from './testing/publisher-fixtures';
import { outcomeNames, outcomesByCommand } from './testing/results-view';
import { acceptedBodies, acceptedUpdates } from './testing/sandbox-view';

const ORDERS = 500;
// 100 + 2×100 + 3×50 + 50 = 500 commands over 300 of the orders.
const PLAN: ReadonlyArray<[PlanKind, number]> = [
  ['ship', 100],
  ['partial-then-ship', 100],
  ['backorder-then-ship', 50],
  ['cancel', 50],
];

describe('status-publisher with the sandbox, the broker and Postgres', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let publisher: InProcessPublisher;
  let kafka: Kafka;
  let producer: Producer;
  let results: { records: ConsumedRecord[]; consumer: Consumer };
  const prefix = `${uniqueName('sp-flow')}.`;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
    database = await createTestDatabase();
    publisher = await startInProcessPublisher(publisherEnv(sandbox, { databaseUrl: database.url, brokers: testBrokers(), prefix }));
    await waitForHttpStatus(`${publisher.url}/health/ready`, 200);
    kafka = testKafka('sp-flow');
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

  async function send(topic: 'orders' | 'commands', messages: ReturnType<typeof receivedRecord>[]): Promise<void> {
    const name = topic === 'orders' ? 'dropship.orders.v1' : 'dropship.status-commands.v1';
    for (let i = 0; i < messages.length; i += 100) await producer.send({ topic: `${prefix}${name}`, messages: messages.slice(i, i + 100) });
  }

  it('acknowledges 500 received orders with exactly one Ordered PUT each, then sends 500 commands once each, in order, with every tracking number', async () => {
    // Given 500 orders at iQmetrix, received by the router
    const orders = sandbox.generateOrders(ORDERS);
    // When their dropship.order.received events arrive
    await send('orders', orders.map(receivedRecord));
    // Then the sandbox gets exactly 500 Ordered PUTs, one per order
    await waitFor(() => acceptedUpdates(sandbox).length >= ORDERS, { timeoutMs: 60_000, description: '500 acknowledgements' });
    expect(acceptedUpdates(sandbox)).toHaveLength(ORDERS);
    expect(orders.every((order) => JSON.stringify(acceptedBodies(sandbox, order.orderId)) === JSON.stringify([acknowledgement(order.orderId)]))).toBe(true);

    // Given 500 commands over 300 of them: order-level Shipped, item-level PartiallyShipped then Shipped,
    // BackOrdered then Ordered then Shipped, and Cancelled
    const plans = planOrders(orders);
    const commands = interleave([...plans.values()]);
    expect(commands).toHaveLength(500);
    // When the warehouses send them
    await send('commands', commands.map(({ command }) => commandRecord(command)));
    // Then every command is delivered: its results are accepted, then delivered
    await waitFor(() => deliveredCount(results.records) >= commands.length, { timeoutMs: 120_000, description: '500 delivered results' });
    const outcomes = outcomesByCommand(results.records);
    expect(commands.filter(({ command }) => outcomeNames(outcomes.get(command.commandId)).join() !== 'accepted,delivered').map(({ command }) => [command.commandId, outcomes.get(command.commandId)])).toEqual([]);
    // And each order got exactly its acknowledgement and one PUT per command, in command order,
    // each carrying every tracking number known so far
    for (const [order, plan] of plans) {
      expect(acceptedBodies(sandbox, order.orderId)).toEqual([acknowledgement(order.orderId), ...plan.map((step) => step.body)]);
    }
    expect(acceptedUpdates(sandbox)).toHaveLength(ORDERS + commands.length);
    // And the metrics count them: commands by outcome, PUTs by outcome with their latency, the backlog
    const metrics = await (await fetch(`${publisher.url}/metrics`)).text();
    expect(metrics).toMatch(/dropship_status_commands_total\{outcome="accepted",reason=""[^}]*\} 500/);
    expect(metrics).toMatch(/dropship_status_puts_total\{outcome="delivered"[^}]*\} 1000/);
    expect(metrics).toMatch(/dropship_status_put_duration_seconds_count\{[^}]*outcome="delivered"[^}]*\} 1000/);
    expect(metrics).toMatch(/dropship_status_outbox_rows\{state="failed"[^}]*\} 0/);
    expect(metrics).toContain('dropship_status_outbox_oldest_due_age_seconds');
  });

  it('makes one PUT for a command id sent three times, and answers it once', async () => {
    // Given an acknowledged order
    const [order] = sandbox.generateOrders(1);
    await send('orders', [receivedRecord(order)]);
    await waitFor(() => acceptedBodies(sandbox, order.orderId).length === 1, { description: 'the acknowledgement' });
    // When the same Shipped command arrives three times, followed by another command of the order
    const [shipped] = planFor('ship', order, 'dup');
    const later: StatusCommandData = { commandId: `${shipped.command.commandId}-after`, orderId: order.orderId, status: 'Shipped', trackingNumbers: ['1ZDUP2'] };
    await send('commands', [shipped, shipped, shipped].map(({ command }) => commandRecord(command)));
    await send('commands', [commandRecord(later)]);
    // Then, once the later command is delivered (so the repeats were read), the first made one PUT
    await waitFor(() => outcomeNames(outcomesByCommand(results.records).get(later.commandId)).includes('delivered'), {
      description: 'the later command delivered',
    });
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([
      acknowledgement(order.orderId),
      shipped.body,
      { Id: order.orderId, Status: 2, TrackingInfo: '1ZdupA,1ZDUP2' },
    ]);
    const repeated = results.records.filter((record) => record.value?.includes(`"commandId":"${shipped.command.commandId}"`));
    expect(repeated.map((record) => JSON.parse(record.value as string).data.outcome)).toEqual(['accepted', 'delivered']);
  });
});

function planOrders(orders: SandboxOrder[]): Map<SandboxOrder, PlannedCommand[]> {
  const plans = new Map<SandboxOrder, PlannedCommand[]>();
  let next = 0;
  for (const [kind, count] of PLAN) {
    for (let i = 0; i < count; i += 1, next += 1) plans.set(orders[next], planFor(kind, orders[next], String(next)));
  }
  return plans;
}

function deliveredCount(records: readonly ConsumedRecord[]): number {
  return records.filter((record) => record.value?.includes('"outcome":"delivered"')).length;
}
