import { Consumer, Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { StatusCommandData } from '@dropship/messaging';
import { collectRecords, ConsumedRecord, createTestDatabase, testBrokers, testKafka, TestDatabase, uniqueName, waitFor, waitForHttpStatus } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, SandboxOrder, startSandbox } from '../../../tools/iqmetrix-sandbox/src';
import { acknowledgement } from './testing/command-plans';
import { InProcessPublisher, startInProcessPublisher } from './testing/in-process-publisher';
import { commandRecord, newCommandId, publisherEnv, rawRecord, receivedRecord, uncheckedCommandRecord } from './testing/publisher-fixtures';
import { outcomesByCommand } from './testing/results-view';
import { acceptedBodies } from './testing/sandbox-view';

const ORDER_WAIT_MS = 8_000;
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('status-publisher answers invalid commands rejected, with nothing sent', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let publisher: InProcessPublisher;
  let kafka: Kafka;
  let producer: Producer;
  let results: { records: ConsumedRecord[]; consumer: Consumer };
  const prefix = `${uniqueName('sp-reject')}.`;
  const topic = (name: string): string => `${prefix}${name}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
    database = await createTestDatabase();
    const env = publisherEnv(sandbox, { databaseUrl: database.url, brokers: testBrokers(), prefix }, { COMMAND_ORDER_WAIT_MS: String(ORDER_WAIT_MS) });
    publisher = await startInProcessPublisher(env);
    await waitForHttpStatus(`${publisher.url}/health/ready`, 200);
    kafka = testKafka('sp-reject');
    producer = kafka.producer();
    await producer.connect();
    results = await collectRecords(kafka, [topic('dropship.status-results.v1')]);
  });

  afterAll(async () => {
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

  async function sendCommands(...messages: ReturnType<typeof commandRecord>[]): Promise<void> {
    await producer.send({ topic: topic('dropship.status-commands.v1'), messages });
  }

  async function finalResult(commandId: string, timeoutMs = 20_000) {
    return waitFor(
      () => outcomesByCommand(results.records).get(commandId)?.find((result) => ['rejected', 'delivered', 'failed'].includes(result.outcome)),
      { timeoutMs, description: `the answer to ${commandId}` },
    );
  }

  it('rejects Shipped after Cancelled, saying Cancelled is final, and sends nothing for it', async () => {
    // Given a cancelled order
    const order = await acknowledgedOrder();
    const cancel: StatusCommandData = { commandId: newCommandId(), orderId: order.orderId, status: 'Cancelled' };
    await sendCommands(commandRecord(cancel));
    await finalResult(cancel.commandId);
    // When it is shipped
    const ship: StatusCommandData = { commandId: newCommandId(), orderId: order.orderId, status: 'Shipped', trackingNumbers: ['1ZLATE'] };
    await sendCommands(commandRecord(ship));
    // Then the answer is rejected with the rule, and iQmetrix saw only the acknowledgement and the cancellation
    expect(await finalResult(ship.commandId)).toEqual({
      commandId: ship.commandId,
      orderId: order.orderId,
      outcome: 'rejected',
      reason: 'order status Cancelled cannot become Shipped: Cancelled is final',
    });
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([acknowledgement(order.orderId), { Id: order.orderId, Status: 7 }]);
  });

  it('rejects an unknown SKU, naming it, and sends nothing', async () => {
    // Given an acknowledged order / When an item-level command names a SKU the order lacks
    const order = await acknowledgedOrder();
    const command: StatusCommandData = { commandId: newCommandId(), orderId: order.orderId, status: 'Shipped', items: [{ sku: 'NOT-ON-ORDER' }] };
    await sendCommands(commandRecord(command));
    // Then it is rejected with the SKU in the reason
    expect(await finalResult(command.commandId)).toMatchObject({ outcome: 'rejected', reason: `unknown SKU NOT-ON-ORDER in order ${order.orderId}` });
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([acknowledgement(order.orderId)]);
    // And the rejection is counted by reason
    const metrics = await (await fetch(`${publisher.url}/metrics`)).text();
    expect(metrics).toMatch(/dropship_status_commands_total\{outcome="rejected",reason="unknown_sku"[^}]*\} [1-9]/);
  });

  it('rejects a status outside the enum as a schema violation, naming the field', async () => {
    // Given an acknowledged order / When a command says "Exception" (an old draft's status)
    const order = await acknowledgedOrder();
    const command = { commandId: newCommandId(), orderId: order.orderId, status: 'Exception' };
    await sendCommands(uncheckedCommandRecord(command));
    // Then it is rejected and the reason names /data/status
    const result = await finalResult(command.commandId);
    expect(result).toMatchObject({ outcome: 'rejected' });
    expect(result.reason).toMatch(/^schema violation: .*\/data\/status/);
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([acknowledgement(order.orderId)]);
  });

  it('rejects malformed JSON when the command id can be read, and skips unreadable records without stopping', async () => {
    // Given an acknowledged order
    const order = await acknowledgedOrder();
    const commandId = newCommandId();
    const broken = `{"specversion":"1.0","type":"dropship.status.command","data":{"commandId":"${commandId}","orderId":"${order.orderId}","status":"Shi`;
    // When a truncated command, then bytes without any id, then a valid command arrive
    const valid: StatusCommandData = { commandId: newCommandId(), orderId: order.orderId, status: 'BackOrdered' };
    await sendCommands(rawRecord(order.orderId, broken), rawRecord(order.orderId, '\u0000garbage'), commandRecord(valid));
    // Then the truncated one is rejected as malformed JSON, and the valid one after it still goes through
    expect(await finalResult(commandId)).toMatchObject({ outcome: 'rejected', reason: `malformed JSON: the value (${broken.length} characters) is not valid JSON` });
    expect(await finalResult(valid.commandId)).toMatchObject({ outcome: 'delivered' });
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([acknowledgement(order.orderId), { Id: order.orderId, Status: 3 }]);
  });

  it('rejects a command with a value Postgres cannot store, and goes on with the next', async () => {
    // Given an acknowledged order / When a command's message holds a NUL character (valid JSON, not storable)
    const order = await acknowledgedOrder();
    const nul: StatusCommandData = { commandId: newCommandId(), orderId: order.orderId, status: 'BackOrdered', message: 'bad\u0000byte' };
    const next: StatusCommandData = { commandId: newCommandId(), orderId: order.orderId, status: 'BackOrdered' };
    await sendCommands(commandRecord(nul), commandRecord(next));
    // Then it is rejected with the reason, nothing is sent for it, and the next command is delivered
    expect(await finalResult(nul.commandId)).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining('the command cannot be stored') });
    expect(await finalResult(next.commandId)).toMatchObject({ outcome: 'delivered' });
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([acknowledgement(order.orderId), { Id: order.orderId, Status: 3 }]);
  });

  it('rejects a command without the CloudEvents envelope, listing what is missing', async () => {
    // Given an acknowledged order / When only the data is sent
    const order = await acknowledgedOrder();
    const command: StatusCommandData = { commandId: newCommandId(), orderId: order.orderId, status: 'Ordered' };
    await sendCommands(rawRecord(order.orderId, JSON.stringify(command)));
    // Then it is rejected as not a CloudEvent
    expect((await finalResult(command.commandId)).reason).toMatch(/^not a CloudEvents 1\.0 status command: \/specversion must be "1\.0"/);
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([acknowledgement(order.orderId)]);
  });

  it('rejects a command for an order never received once the wait is over', async () => {
    // Given an order id the router never announced
    const orderId = '00000000-0000-4000-8000-00000000dead';
    const command: StatusCommandData = { commandId: newCommandId(), orderId, status: 'Shipped', trackingNumbers: ['1ZNONE'] };
    // When a command for it arrives
    await sendCommands(commandRecord(command));
    // Then after the wait it is rejected as an unknown order, and nothing was sent for it
    expect(await finalResult(command.commandId, ORDER_WAIT_MS + 20_000)).toMatchObject({
      outcome: 'rejected',
      reason: `unknown order ${orderId}: no dropship.order.received was seen for it within 8 s`,
    });
    expect(sandbox.state.updates.forOrder(orderId)).toEqual([]);
  });

  it('holds a command that overtook its order, and decides it when the order arrives', async () => {
    // Given an order iQmetrix has, but whose received event is late
    const [order] = sandbox.generateOrders(1);
    const command: StatusCommandData = { commandId: newCommandId(), orderId: order.orderId, status: 'Shipped', trackingNumbers: ['1ZEARLY'] };
    // When its command arrives first (with a trace context), and then the order
    await producer.send({ topic: topic('dropship.status-commands.v1'), messages: [commandRecord(command, TRACEPARENT)] });
    await waitFor(() => isHeld(database.url, command.commandId), { description: 'the command held' });
    await producer.send({ topic: topic('dropship.orders.v1'), messages: [receivedRecord(order)] });
    // Then the acknowledgement goes first and the command is delivered after it
    expect(await finalResult(command.commandId)).toMatchObject({ outcome: 'delivered' });
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([acknowledgement(order.orderId), { Id: order.orderId, Status: 2, TrackingInfo: '1ZEARLY' }]);
    // And its results carry the command's trace context
    const answers = results.records.filter((record) => record.value?.includes(command.commandId));
    expect(answers.map((record) => record.headers['traceparent'])).toEqual([TRACEPARENT, TRACEPARENT]);
  });
});

async function isHeld(databaseUrl: string, commandId: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM status_publisher.held_commands WHERE command_id = $1', [commandId]);
    return (found.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}
