import { Client } from 'pg';
import { createTestDatabase, testBrokers, TestDatabase, uniqueName, waitFor, waitForHttpStatus } from '@dropship/testing';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RunningSandbox, startSandbox } from '../../../../tools/iqmetrix-sandbox/src';
import { CHANNELS } from '../database/tables';
import { InProcessPublisher, startInProcessPublisher } from '../testing/in-process-publisher';
import { publisherEnv } from '../testing/publisher-fixtures';
import { acceptedBodies } from '../testing/sandbox-view';

/** Queues an Ordered PUT for a sandbox order from another connection, as another replica would. */
async function queueFromElsewhere(databaseUrl: string, orderId: string, notify: boolean): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO status_publisher.outbox (order_id, command_id, method, path, body)
       VALUES ($1, NULL, 'PUT', $2, $3)`,
      [orderId, `/v1/Suppliers(60455)/Orders(${orderId})/OrderStatusUpdate`, JSON.stringify({ Id: orderId, Status: 1 })],
    );
    if (notify) await client.query(`SELECT pg_notify($1, '')`, [CHANNELS.outbox]);
  } finally {
    await client.end();
  }
}

describe.each([
  ['a NOTIFY from another connection, with polling all but off', { RELAY_POLL_INTERVAL_MS: '3600000' }, true],
  ['polling alone, when no NOTIFY comes', { RELAY_POLL_INTERVAL_MS: '200' }, false],
])('the relay wakes on %s', (_name, settings, notify) => {
  let sandbox: RunningSandbox;
  let database: TestDatabase;
  let publisher: InProcessPublisher;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
    database = await createTestDatabase();
    const env = publisherEnv(sandbox, { databaseUrl: database.url, brokers: testBrokers(), prefix: `${uniqueName('sp-wake')}.` }, settings);
    publisher = await startInProcessPublisher(env);
    await waitForHttpStatus(`${publisher.url}/health/ready`, 200);
  });

  afterAll(async () => {
    await publisher?.close();
    await sandbox?.close();
    await database?.drop();
  });

  it('sends a PUT another replica queued', async () => {
    // Given an idle relay / When another replica commits an outbox row
    const [order] = sandbox.generateOrders(1);
    await queueFromElsewhere(database.url, order.orderId, notify);
    // Then this relay sends it (with an hour-long poll interval, only the NOTIFY can have woken it)
    await waitFor(() => acceptedBodies(sandbox, order.orderId).length === 1, { timeoutMs: 15_000, description: 'the PUT' });
    expect(acceptedBodies(sandbox, order.orderId)).toEqual([{ Id: order.orderId, Status: 1 }]);
  });
});
