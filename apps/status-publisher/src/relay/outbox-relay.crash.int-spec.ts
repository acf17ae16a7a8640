import { Client } from 'pg';
import { createTestDatabase, createTopics, ServiceProcess, startServiceProcess, testBrokers, testKafka, TestDatabase, uniqueName, waitFor, waitForHttpStatus } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, startSandbox } from '../../../../tools/iqmetrix-sandbox/src';
import { publisherEnv, receivedRecord } from '../testing/publisher-fixtures';

const PORT = 13141;

describe('a PUT whose attempts keep dying with their process', () => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let sql: Client;
  let service: ServiceProcess | undefined;
  const prefix = `${uniqueName('sp-crash')}.`;
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
    database = await createTestDatabase();
    env = publisherEnv(sandbox, { databaseUrl: database.url, brokers: testBrokers(), prefix, port: PORT }, { RELAY_LEASE_MS: '1000', LOG_LEVEL: 'error' });
    await createTopics(testKafka('sp-crash'), ['dropship.orders.v1', 'dropship.status-commands.v1', 'dropship.status-results.v1'].map((name) => `${prefix}${name}`), 3);
    sql = new Client({ connectionString: database.url });
  });

  afterAll(async () => {
    await service?.stop();
    await sql?.end();
    await sandbox?.close();
    await database?.drop();
  });

  const row = async () => (await sql.query(`SELECT id::text AS id, state, attempts_started AS started, attempts_finished AS finished, last_error AS "lastError" FROM status_publisher.outbox`)).rows[0];

  it('is retried after each crash, parked after three, and delivered once requeued', async () => {
    // Given iQmetrix hanging on every PUT, and an order whose acknowledgement is queued
    sandbox.state.faults.configure({ latencyMs: 60_000, latencyRate: 1, errorPaths: 'put' });
    const [order] = sandbox.generateOrders(1);
    service = startServiceProcess('status-publisher', env);
    await waitForHttpStatus(`http://127.0.0.1:${PORT}/health/live`, 200, 30_000);
    await sql.connect();
    const producer = testKafka('sp-crash').producer();
    await producer.connect();
    await producer.send({ topic: `${prefix}dropship.orders.v1`, messages: [receivedRecord(order)] });
    await producer.disconnect();
    // When the replica is SIGKILLed during each of three attempts and started again
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await waitFor(async () => (await row())?.started === attempt, { timeoutMs: 30_000, description: `attempt ${attempt} under way` });
      service.child.kill('SIGKILL');
      await service.exited;
      service = startServiceProcess('status-publisher', env);
      await waitForHttpStatus(`http://127.0.0.1:${PORT}/health/live`, 200, 30_000);
    }
    // Then the fourth claim parks the row instead of sending it again
    const parked = await waitFor(async () => ((await row())?.state === 'parked' ? row() : undefined), { timeoutMs: 30_000, description: 'the row parked' });
    expect(parked).toMatchObject({ started: 3, finished: 0, lastError: expect.stringContaining('3 attempts started but never finished') });
    const listed = (await (await fetch(`http://127.0.0.1:${PORT}/admin/outbox?state=parked`)).json()) as { rows: Array<{ id: string }> };
    expect(listed.rows.map((entry) => entry.id)).toEqual([parked.id]);
    // When iQmetrix answers again and an operator requeues it
    sandbox.state.faults.clear();
    expect((await fetch(`http://127.0.0.1:${PORT}/admin/outbox/${parked.id}/requeue`, { method: 'POST' })).status).toBe(200);
    // Then it is delivered
    await waitFor(async () => (await row())?.state === 'delivered', { timeoutMs: 30_000, description: 'the requeued row delivered' });
  }, 180_000);
});
