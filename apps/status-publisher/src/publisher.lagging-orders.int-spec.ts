import { Consumer, Kafka, Producer } from 'kafkajs';
import { collectRecords, ConsumedRecord, createTestDatabase, createTopics, ServiceProcess, startServiceProcess, testBrokers, testKafka, TestDatabase, uniqueName, waitFor } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, startSandbox } from '../../../tools/iqmetrix-sandbox/src';
import { commandRecord, newCommandId, publisherEnv, receivedRecord } from './testing/publisher-fixtures';
import { outcomeNames, outcomesByCommand } from './testing/results-view';

const BACKLOG = 3_000;
const ORDER_WAIT_MS = 1_000;
const PORT = 13151;

describe('status-publisher behind on the orders topic', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let results: { records: ConsumedRecord[]; consumer: Consumer };
  let publisher: ServiceProcess | undefined;
  const prefix = `${uniqueName('sp-lag')}.`;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
    database = await createTestDatabase();
    kafka = testKafka('sp-lag');
    // One partition each: the command's order is behind the whole backlog.
    await createTopics(kafka, ['dropship.orders.v1', 'dropship.status-commands.v1', 'dropship.status-results.v1'].map((name) => `${prefix}${name}`), 1);
    producer = kafka.producer();
    await producer.connect();
    results = await collectRecords(kafka, [`${prefix}dropship.status-results.v1`]);
  });

  afterAll(async () => {
    await publisher?.stop(5_000);
    await results?.consumer.disconnect();
    await producer?.disconnect();
    await sandbox?.close();
    await database?.drop();
  });

  it('does not reject a command as "unknown order" while its order is still unread, however long that takes', async () => {
    // Given a backlog of orders on the orders topic, the last one's command waiting on the commands topic
    const orders = sandbox.generateOrders(BACKLOG);
    const last = orders[orders.length - 1];
    for (let start = 0; start < orders.length; start += 500) {
      await producer.send({ topic: `${prefix}dropship.orders.v1`, messages: orders.slice(start, start + 500).map(receivedRecord) });
    }
    const commandId = newCommandId();
    await producer.send({ topic: `${prefix}dropship.status-commands.v1`, messages: [commandRecord({ commandId, orderId: last.orderId, status: 'Shipped', trackingNumbers: ['1ZLAG'] })] });

    // When a publisher whose wait for orders is short starts on all of it
    const env = publisherEnv(sandbox, { databaseUrl: database.url, brokers: testBrokers(), prefix, port: PORT }, { COMMAND_ORDER_WAIT_MS: String(ORDER_WAIT_MS), LOG_LEVEL: 'info' });
    publisher = startServiceProcess('status-publisher', env);

    // Then the command waits for its order and is delivered, not rejected
    const final = await waitFor(() => outcomesByCommand(results.records).get(commandId)?.find((result) => result.outcome !== 'accepted'), {
      timeoutMs: 120_000,
      description: 'the command’s final answer',
    });
    expect(outcomeNames(outcomesByCommand(results.records).get(commandId))).toEqual(['accepted', 'delivered']);
    expect(final.outcome).toBe('delivered');
    // And it was held longer than the wait: the backlog took that long to read (else the test proves nothing)
    const output = publisher.output();
    const heldAt = logTime(output, `"commandId":"${commandId}","orderId":"${last.orderId}","outcome":"held"`);
    const orderAt = logTime(output, `"msg":"order received","orderId":"${last.orderId}"`);
    expect(orderAt - heldAt).toBeGreaterThan(ORDER_WAIT_MS);
  }, 180_000);
});

/** The `time` of the first log line holding `fragment`. */
function logTime(output: string, fragment: string): number {
  const line = output.split('\n').find((candidate) => candidate.includes(fragment));
  if (line === undefined) throw new Error(`no log line with ${fragment}`);
  return Date.parse((JSON.parse(line) as { time: string }).time);
}
