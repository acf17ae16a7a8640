import { Consumer, Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { StatusCommandData } from '@dropship/messaging';
import { collectRecords, ConsumedRecord, createTestDatabase, createTopics, testBrokers, testKafka, TestDatabase, uniqueName, waitFor, waitForHttpStatus } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, startSandbox } from '../../../../tools/iqmetrix-sandbox/src';
import { InProcessPublisher, startInProcessPublisher } from '../testing/in-process-publisher';
import { commandRecord, newCommandId, publisherEnv, receivedRecord } from '../testing/publisher-fixtures';
import { outcomeNames, outcomesByCommand } from '../testing/results-view';
import { acceptedBodies } from '../testing/sandbox-view';

describe('status-publisher when iQmetrix refuses its credentials', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let publisher: InProcessPublisher;
  let kafka: Kafka;
  let producer: Producer;
  let results: { records: ConsumedRecord[]; consumer: Consumer };
  let sql: Client;
  const prefix = `${uniqueName('sp-creds')}.`;
  const topic = (name: string): string => `${prefix}${name}`;

  beforeAll(async () => {
    // The sandbox expects another password than the one the publisher is configured with.
    sandbox = await startSandbox({ credentials: { password: 'rotated-password' }, rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
    database = await createTestDatabase();
    const env = publisherEnv(sandbox, { databaseUrl: database.url, brokers: testBrokers(), prefix }, { IQMETRIX_PASSWORD: 'old-password' });
    publisher = await startInProcessPublisher(env);
    kafka = testKafka('sp-creds');
    // Readiness stays false here, so the topics are not awaited through it.
    await createTopics(kafka, ['dropship.orders.v1', 'dropship.status-commands.v1', 'dropship.status-results.v1'].map(topic), 3);
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

  it('keeps retrying without failing the command, reports not ready, and delivers once the credentials work', async () => {
    // Given an order and a command while the token endpoint refuses the password
    const [order] = sandbox.generateOrders(1);
    const command: StatusCommandData = { commandId: newCommandId(), orderId: order.orderId, status: 'BackOrdered' };
    await producer.send({ topic: topic('dropship.orders.v1'), messages: [receivedRecord(order)] });
    await producer.send({ topic: topic('dropship.status-commands.v1'), messages: [commandRecord(command)] });
    // Then readiness says iQmetrix refuses the credentials
    const ready = (await waitForHttpStatus(`${publisher.url}/health/ready`, 503)) as { checks: Record<string, { ok: boolean; error?: string }> };
    expect(ready.checks['iqmetrix']).toMatchObject({ ok: false });
    // And the acknowledgement is retried, with the refusal on the row, while the command is only accepted
    const row = await waitFor(async () => {
      const found = await sql.query(`SELECT state, attempts_finished AS attempts, last_error AS "lastError" FROM status_publisher.outbox WHERE command_id IS NULL`);
      return found.rows[0]?.attempts >= 2 ? found.rows[0] : undefined;
    }, { description: 'two refused attempts' });
    expect(row).toMatchObject({ state: 'pending', lastError: expect.stringContaining('IQMETRIX.AUTH_REJECTED') });
    await waitFor(() => outcomeNames(outcomesByCommand(results.records).get(command.commandId)).includes('accepted'), { description: 'accepted' });
    const metrics = await (await fetch(`${publisher.url}/metrics`)).text();
    expect(metrics).toMatch(/dropship_status_put_retries_total\{reason="auth"[^}]*\} [1-9]/);
    expect(outcomeNames(outcomesByCommand(results.records).get(command.commandId))).toEqual(['accepted']);
    // When the operator fixes the secret (here: iQmetrix accepts the configured password again)
    sandbox.state.options.credentials.password = 'old-password';
    // Then both PUTs are delivered in order and the service is ready again
    await waitFor(() => outcomeNames(outcomesByCommand(results.records).get(command.commandId)).includes('delivered'), { timeoutMs: 30_000, description: 'delivered' });
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([{ Id: order.orderId, Status: 1 }, { Id: order.orderId, Status: 3 }]);
    await waitForHttpStatus(`${publisher.url}/health/ready`, 200);
  });
});
