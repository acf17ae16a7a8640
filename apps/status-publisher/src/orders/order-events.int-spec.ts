import { Consumer, Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { StatusCommandData } from '@dropship/messaging';
import { collectRecords, ConsumedRecord, createTestDatabase, testBrokers, testKafka, TestDatabase, uniqueName, waitFor, waitForHttpStatus } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, SandboxOrder, startSandbox } from '../../../../tools/iqmetrix-sandbox/src';
import { InProcessPublisher, startInProcessPublisher } from '../testing/in-process-publisher';
import { commandRecord, confirmedRecord, newCommandId, publisherEnv, receivedRecord } from '../testing/publisher-fixtures';
import { outcomesByCommand } from '../testing/results-view';
import { acceptedBodies } from '../testing/sandbox-view';

describe('the order view: received orders and iQmetrix confirmations', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let publisher: InProcessPublisher;
  let kafka: Kafka;
  let producer: Producer;
  let results: { records: ConsumedRecord[]; consumer: Consumer };
  let sql: Client;
  const prefix = `${uniqueName('sp-view')}.`;
  const topic = (name: string): string => `${prefix}${name}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
    database = await createTestDatabase();
    publisher = await startInProcessPublisher(publisherEnv(sandbox, { databaseUrl: database.url, brokers: testBrokers(), prefix }));
    await waitForHttpStatus(`${publisher.url}/health/ready`, 200);
    kafka = testKafka('sp-view');
    producer = kafka.producer();
    await producer.connect();
    results = await collectRecords(kafka, [topic('dropship.status-results.v1')]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await results?.consumer.disconnect();
    await producer?.disconnect();
    await publisher?.close();
    await sandbox?.close();
    await database?.drop();
  });

  async function acknowledgedOrder(): Promise<SandboxOrder> {
    const [order] = sandbox.generateOrders(1);
    await producer.send({ topic: topic('dropship.orders.v1'), messages: [receivedRecord(order)] });
    await waitFor(() => acceptedBodies(sandbox, order.orderId).length === 1, { description: 'the acknowledgement' });
    return order;
  }

  async function answer(command: StatusCommandData) {
    await producer.send({ topic: topic('dropship.status-commands.v1'), messages: [commandRecord(command)] });
    return waitFor(() => outcomesByCommand(results.records).get(command.commandId)?.find((result) => result.outcome !== 'accepted'), {
      description: `the answer to ${command.commandId}`,
    });
  }

  async function confirmationsSeen(orderId: string): Promise<number> {
    const found = await sql.query<{ n: number }>('SELECT confirmations_seen AS n FROM status_publisher.orders WHERE order_id = $1', [orderId]);
    return found.rows[0]?.n ?? 0;
  }

  it('keeps tracking numbers iQmetrix reports and sends them with the next PUT', async () => {
    // Given a shipped order with T1, whose echo also carries T0 (set in iQmetrix by someone else)
    const order = await acknowledgedOrder();
    const sku = order.items[0].sku as string;
    expect(await answer({ commandId: newCommandId(), orderId: order.orderId, status: 'Shipped', trackingNumbers: ['T1'] })).toMatchObject({ outcome: 'delivered' });
    await producer.send({ topic: topic('dropship.orders.v1'), messages: [confirmedRecord(order.orderId, 'Shipped', [{ sku, status: 'Shipped', trackingNumbers: ['T1', 'T0'] }])] });
    await waitFor(async () => (await confirmationsSeen(order.orderId)) === 1, { description: 'the confirmation applied' });
    // When another Shipped adds T2
    await answer({ commandId: newCommandId(), orderId: order.orderId, status: 'Shipped', trackingNumbers: ['T2'] });
    // Then its PUT carries every number: ours, iQmetrix's, and the new one
    expect(acceptedBodies(sandbox, order.orderId).at(-1)).toEqual({ Id: order.orderId, Status: 2, TrackingInfo: 'T1,T0,T2' });
  });

  it('takes over a cancellation made in iQmetrix, so a later Shipped is rejected', async () => {
    // Given an acknowledged order whose acknowledgement was echoed
    const order = await acknowledgedOrder();
    const sku = order.items[0].sku as string;
    await producer.send({ topic: topic('dropship.orders.v1'), messages: [confirmedRecord(order.orderId, 'Ordered', [{ sku, status: 'Ordered', trackingNumbers: [] }])] });
    // When iQmetrix then reports it Cancelled (nothing of ours is outstanding)
    await producer.send({ topic: topic('dropship.orders.v1'), messages: [confirmedRecord(order.orderId, 'Cancelled', [{ sku, status: 'Cancelled', trackingNumbers: [] }])] });
    await waitFor(async () => (await confirmationsSeen(order.orderId)) === 2, { description: 'both confirmations applied' });
    // Then shipping it is refused with the rule, and nothing is sent
    expect(await answer({ commandId: newCommandId(), orderId: order.orderId, status: 'Shipped', trackingNumbers: ['T9'] })).toMatchObject({
      outcome: 'rejected',
      reason: 'order status Cancelled cannot become Shipped: Cancelled is final',
    });
    expect(acceptedBodies(sandbox, order.orderId)).toHaveLength(1);
  });

  it('does not let a late echo of an older PUT undo a newer command', async () => {
    // Given an order back-ordered and then ordered again, both delivered, neither echoed yet
    const order = await acknowledgedOrder();
    const sku = order.items[0].sku as string;
    await answer({ commandId: newCommandId(), orderId: order.orderId, status: 'BackOrdered' });
    await answer({ commandId: newCommandId(), orderId: order.orderId, status: 'Ordered' });
    // When the echoes of the acknowledgement and of BackOrdered arrive (Ordered's is still to come)
    const echo = (status: string) => confirmedRecord(order.orderId, status, [{ sku, status, trackingNumbers: [] }]);
    await producer.send({ topic: topic('dropship.orders.v1'), messages: [echo('Ordered'), echo('BackOrdered')] });
    await waitFor(async () => (await confirmationsSeen(order.orderId)) === 2, { description: 'the echoes applied' });
    // Then the order is still Ordered: shipping it is accepted and delivered
    expect(await answer({ commandId: newCommandId(), orderId: order.orderId, status: 'Shipped', trackingNumbers: ['T5'] })).toMatchObject({ outcome: 'delivered' });
  });

  it('ignores a repeated received event: no second acknowledgement', async () => {
    // Given an acknowledged order
    const order = await acknowledgedOrder();
    // When the router's received event arrives again, followed by a command of the order
    await producer.send({ topic: topic('dropship.orders.v1'), messages: [receivedRecord(order)] });
    await answer({ commandId: newCommandId(), orderId: order.orderId, status: 'BackOrdered' });
    // Then iQmetrix got one acknowledgement and the command
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([{ Id: order.orderId, Status: 1 }, { Id: order.orderId, Status: 3 }]);
  });
});
