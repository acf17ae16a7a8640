import { randomUUID } from 'crypto';
import { Consumer, Kafka, Producer } from 'kafkajs';
import { collectRecords, ConsumedRecord, createTestDatabase, createTopics, ServiceProcess, startServiceProcess, testBrokers, testKafka, TestDatabase, uniqueName, waitFor, waitForHttpStatus } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, startSandbox } from '../../../tools/iqmetrix-sandbox/src';
import { commandRecord, newCommandId, publisherEnv } from './testing/publisher-fixtures';
import { outcomesByCommand } from './testing/results-view';

const COMMANDS = 3_000;
const PORT = 13141;

describe('status-publisher stopped with SIGTERM in the middle of a backlog', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let results: { records: ConsumedRecord[]; consumer: Consumer };
  const processes: ServiceProcess[] = [];
  const prefix = `${uniqueName('sp-term')}.`;

  beforeAll(async () => {
    sandbox = await startSandbox({});
    database = await createTestDatabase();
    kafka = testKafka('sp-term');
    await createTopics(kafka, ['dropship.orders.v1', 'dropship.status-commands.v1', 'dropship.status-results.v1'].map((name) => `${prefix}${name}`), 3);
    producer = kafka.producer();
    await producer.connect();
    results = await collectRecords(kafka, [`${prefix}dropship.status-results.v1`]);
  });

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop(5_000)));
    await results?.consumer.disconnect();
    await producer?.disconnect();
    await sandbox?.close();
    await database?.drop();
  });

  function startPublisher(): ServiceProcess {
    // No wait for unknown orders: each command is answered `rejected` as soon as it is read.
    const env = publisherEnv(sandbox, { databaseUrl: database.url, brokers: testBrokers(), prefix, port: PORT }, { COMMAND_ORDER_WAIT_MS: '0', LOG_LEVEL: 'warn' });
    const process = startServiceProcess('status-publisher', env);
    processes.push(process);
    return process;
  }

  it('answers every command of the backlog once restarted: the records after the stop are read again, not skipped', async () => {
    // Given a backlog of commands (orders the publisher does not know, so each gets a quick answer)
    const commandIds = Array.from({ length: COMMANDS }, () => newCommandId());
    const messages = commandIds.map((commandId) => commandRecord({ commandId, orderId: randomUUID(), status: 'Shipped', trackingNumbers: ['1Z999'] }));
    for (let start = 0; start < messages.length; start += 500) {
      await producer.send({ topic: `${prefix}dropship.status-commands.v1`, messages: messages.slice(start, start + 500) });
    }
    const mine = new Set(commandIds);
    const answered = () => [...outcomesByCommand(results.records).keys()].filter((id) => mine.has(id)).length;

    // When the publisher is stopped with SIGTERM while it works through them
    const first = startPublisher();
    await waitFor(() => answered() >= COMMANDS / 10, { timeoutMs: 60_000, description: 'a tenth of the commands answered' });
    first.child.kill('SIGTERM');
    await expect(first.exited).resolves.toEqual({ code: 0, signal: null });
    const answeredAtStop = answered();

    // And started again
    const second = startPublisher();
    await waitForHttpStatus(`http://127.0.0.1:${PORT}/health/ready`, 200, 60_000);

    // Then every command is answered, and the stop fell mid-backlog (so the test proves something)
    await waitFor(() => answered() === COMMANDS, { timeoutMs: 90_000, description: `all ${COMMANDS} commands answered` }).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; answered ${answered()} (${answeredAtStop} before the stop)\n${second.output().slice(-2000)}`);
    });
    expect(answeredAtStop).toBeLessThan(COMMANDS);
    const outcomes = outcomesByCommand(results.records);
    for (const commandId of commandIds) expect(outcomes.get(commandId)?.at(-1)?.outcome).toBe('rejected');
  }, 240_000);
});
