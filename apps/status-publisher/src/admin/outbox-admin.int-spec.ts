import { Consumer, Kafka, Producer } from 'kafkajs';
import { StatusCommandData, StatusResultData } from '@dropship/messaging';
import { collectRecords, ConsumedRecord, createTestDatabase, startServiceProcess, testBrokers, testKafka, TestDatabase, uniqueName, waitFor, waitForHttpStatus } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, SandboxOrder, startSandbox } from '../../../../tools/iqmetrix-sandbox/src';
import { acknowledgement } from '../testing/command-plans';
import { InProcessPublisher, startInProcessPublisher } from '../testing/in-process-publisher';
import { commandRecord, newCommandId, publisherEnv, receivedRecord } from '../testing/publisher-fixtures';
import { outcomesByCommand } from '../testing/results-view';
import { acceptedBodies } from '../testing/sandbox-view';

const STRICT_MESSAGE = 'Status cannot change from Ordered to NotAvailable (strict mode)';

describe('failed deliveries: strict iQmetrix, admin endpoints and CLI', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let publisher: InProcessPublisher;
  let env: Record<string, string>;
  let kafka: Kafka;
  let producer: Producer;
  let results: { records: ConsumedRecord[]; consumer: Consumer };
  const prefix = `${uniqueName('sp-admin')}.`;
  const topic = (name: string): string => `${prefix}${name}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ strict: true, rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
    database = await createTestDatabase();
    env = publisherEnv(sandbox, { databaseUrl: database.url, brokers: testBrokers(), prefix });
    publisher = await startInProcessPublisher(env);
    await waitForHttpStatus(`${publisher.url}/health/ready`, 200);
    kafka = testKafka('sp-admin');
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

  const outcomes = (commandId: string): StatusResultData[] => outcomesByCommand(results.records).get(commandId) ?? [];
  const post = (path: string) => fetch(`${publisher.url}${path}`, { method: 'POST' });

  /** An acknowledged order with a NotAvailable command that strict iQmetrix refused. */
  async function refusedOrder(): Promise<{ order: SandboxOrder; commandId: string }> {
    const [order] = sandbox.generateOrders(1);
    await producer.send({ topic: topic('dropship.orders.v1'), messages: [receivedRecord(order)] });
    await waitFor(() => acceptedBodies(sandbox, order.orderId).length === 1, { description: 'the acknowledgement' });
    const commandId = newCommandId();
    const command: StatusCommandData = { commandId, orderId: order.orderId, status: 'NotAvailable', message: 'discontinued' };
    await producer.send({ topic: topic('dropship.status-commands.v1'), messages: [commandRecord(command)] });
    await waitFor(() => outcomes(commandId).some((result) => result.outcome === 'failed'), { description: 'the failed result' });
    return { order, commandId };
  }

  it('reports a strict 400 as failed with iQmetrix message, lets the order go on, and delivers the row once requeued through the admin API', async () => {
    sandbox.state.options.strict = true;
    // Given strict iQmetrix refusing Ordered → NotAvailable
    const { order, commandId } = await refusedOrder();
    // Then the result is failed and carries iQmetrix's status and message
    expect(outcomes(commandId)).toEqual([
      { commandId, orderId: order.orderId, outcome: 'accepted' },
      { commandId, orderId: order.orderId, outcome: 'failed', iqmetrix: { status: 400, body: { Message: STRICT_MESSAGE } } },
    ]);
    // And a later command of the order is still delivered
    const cancel: StatusCommandData = { commandId: newCommandId(), orderId: order.orderId, status: 'Cancelled' };
    await producer.send({ topic: topic('dropship.status-commands.v1'), messages: [commandRecord(cancel)] });
    await waitFor(() => outcomes(cancel.commandId).some((result) => result.outcome === 'delivered'), { description: 'the cancellation' });
    // And the failed row is listed for operators with iQmetrix's answer
    const listed = (await (await fetch(`${publisher.url}/admin/outbox?state=failed&orderId=${order.orderId}`)).json()) as { rows: Array<Record<string, unknown>> };
    expect(listed.rows).toEqual([expect.objectContaining({ commandId, state: 'failed', lastStatus: 400, response: { status: 400, body: { Message: STRICT_MESSAGE } } })]);
    // When iQmetrix accepts such changes again and an operator requeues the row
    sandbox.state.options.strict = false;
    const response = await post(`/admin/outbox/${String(listed.rows[0]['id'])}/requeue`);
    expect(response.status).toBe(200);
    // Then it is delivered, once
    await waitFor(() => outcomes(commandId).some((result) => result.outcome === 'delivered'), { description: 'the requeued delivery' });
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([
      acknowledgement(order.orderId),
      { Id: order.orderId, Status: 7 },
      { Id: order.orderId, Status: 5, Message: 'discontinued' },
    ]);
    expect((await post(`/admin/outbox/${String(listed.rows[0]['id'])}/requeue`)).status).toBe(409);
  });

  it('requeues all failed rows of one order, and all failed rows, through the admin API', async () => {
    sandbox.state.options.strict = true;
    // Given two orders whose NotAvailable was refused
    const first = await refusedOrder();
    const second = await refusedOrder();
    sandbox.state.options.strict = false;
    // When the first order's rows are requeued, then every failed row
    const byOrder = (await (await post(`/admin/orders/${first.order.orderId}/requeue`)).json()) as { requeued: number };
    await waitFor(() => outcomes(first.commandId).some((result) => result.outcome === 'delivered'), { description: 'the first order delivered' });
    const all = (await (await post('/admin/outbox/requeue-failed')).json()) as { requeued: number };
    // Then each was requeued once and delivered
    expect([byOrder.requeued, all.requeued]).toEqual([1, 1]);
    await waitFor(() => outcomes(second.commandId).some((result) => result.outcome === 'delivered'), { description: 'the second order delivered' });
  });

  it('lists failed rows and requeues them from the command line', async () => {
    sandbox.state.options.strict = true;
    // Given a refused row
    const { order, commandId } = await refusedOrder();
    // When an operator lists failed rows with the built CLI
    const list = startServiceProcess('status-publisher', env, ['outbox', 'list', '--state', 'failed', '--order', order.orderId]);
    // Then it prints the row as JSON and exits 0
    expect(await list.exited).toEqual({ code: 0, signal: null });
    const rows = list.output().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toEqual([expect.objectContaining({ commandId, orderId: order.orderId, state: 'failed', lastStatus: 400 })]);
    // When it requeues that order's rows once iQmetrix accepts them
    sandbox.state.options.strict = false;
    const requeue = startServiceProcess('status-publisher', env, ['outbox', 'requeue', '--order', order.orderId]);
    expect(await requeue.exited).toEqual({ code: 0, signal: null });
    expect(JSON.parse(requeue.output().trim())).toEqual({ requeued: 1 });
    // Then the running service delivers it
    await waitFor(() => outcomes(commandId).some((result) => result.outcome === 'delivered'), { description: 'the CLI-requeued delivery' });
  });
});
