import { createTestDatabase, TestDatabase } from '@dropship/testing';
import { dataSourceOptions, migrateSchema } from '@dropship/platform';
import { DataSource } from 'typeorm';
import { orderRouterDatabase } from '../database/order-router.database';
import { OrderStatusEntity } from './order-status.entity';
import type { OrderClaimRequest, SourcePartition, StatusReport } from './order-ledger';
import { PostgresOrderLedger } from './postgres-order-ledger';

const CREATED: SourcePartition = { topic: 'iqmetrix.dropship.order-created.v1', partition: 2 };
const STATUSES: SourcePartition = { topic: 'iqmetrix.dropship.order-status-updated.v1', partition: 2 };

function claim(offset: number, orderId: string, entryId = `e-${offset}`): OrderClaimRequest {
  return { offset: String(offset), orderId, entryId, receivedAt: '2015-10-23T21:37:31Z' };
}

function report(offset: number, orderId: string, entryId: string, content: string, tracking: string[] = []): StatusReport {
  return {
    offset: String(offset),
    orderId,
    entryId,
    contentHash: `${content}|${tracking.join(',')}`,
    status: content,
    trackingNumbers: tracking,
    items: [{ sku: 'AB-1', status: content }],
    confirmedAt: '2015-10-24T15:36:45Z',
  };
}

describe('PostgresOrderLedger (real Postgres)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let ledger: PostgresOrderLedger;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, 'order-router', orderRouterDatabase)).initialize();
    await migrateSchema(dataSource, orderRouterDatabase.schema);
    ledger = new PostgresOrderLedger(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('gives each order to its first record, also within one batch, and names that record on every later ask', async () => {
    // Given a batch in which order A appears twice and order B once
    const first = await ledger.claimOrders(CREATED, [claim(10, 'A'), claim(11, 'B'), claim(12, 'A', 'e-again')]);

    // When a later batch names A again (a duplicate) and C for the first time
    const later = await ledger.claimOrders(CREATED, [claim(20, 'A', 'e-20'), claim(21, 'C')]);

    // Then A belongs to offset 10 throughout, B to 11, C to 21
    expect(first.get('A')).toEqual({ orderId: 'A', entryId: 'e-10', position: { ...CREATED, offset: '10' } });
    expect(first.get('B')?.position.offset).toBe('11');
    expect(later.get('A')?.position.offset).toBe('10');
    expect(later.get('C')?.position.offset).toBe('21');
  });

  it('names the same record again when its batch is read again after an aborted transaction', async () => {
    // Given orders claimed by a batch whose Kafka transaction then aborted
    await ledger.claimOrders(CREATED, [claim(30, 'D'), claim(31, 'E')]);

    // When the same records are read again
    const again = await ledger.claimOrders(CREATED, [claim(30, 'D'), claim(31, 'E')]);

    // Then they still hold their claims (so the router publishes them this time)
    expect(again.get('D')?.position).toEqual({ ...CREATED, offset: '30' });
    expect(again.get('E')?.position).toEqual({ ...CREATED, offset: '31' });
  });

  it('leaves out an order claimed by a concurrent transaction it cannot see, and claims the others', async () => {
    // Given another replica's transaction that has claimed order Z but not committed yet
    const other = dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query(
      `INSERT INTO "order_router"."received_orders" (order_id, entry_id, source_topic, source_partition, source_offset, received_at)
       VALUES ('Z', 'e-other', $1, 5, 7, now())`,
      [CREATED.topic],
    );

    // When this partition claims Z and Y, and the other transaction commits while the claim waits on Z
    const claiming = ledger.claimOrders(CREATED, [claim(40, 'Z'), claim(41, 'Y')]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await other.commitTransaction();
    await other.release();
    const claims = await claiming;

    // Then Z is missing from the answer (the planner retries the batch) and Y is this batch's
    expect(claims.has('Z')).toBe(false);
    expect(claims.get('Y')?.position).toEqual({ ...CREATED, offset: '41' });
    // And a retry sees Z's claim as the other partition's
    expect((await ledger.claimOrders(CREATED, [claim(40, 'Z')])).get('Z')?.position).toEqual({ ...CREATED, partition: 5, offset: '7' });
  });

  it('confirms a report that changes the status, and not an unchanged or repeated one', async () => {
    // Given an order's reports: Ordered, Ordered again (another entry), Shipped, and the Ordered entry again
    const decisions = await ledger.recordStatuses(STATUSES, [
      report(100, 'S', 's-1', 'Ordered'),
      report(101, 'S', 's-2', 'Ordered'),
      report(102, 'S', 's-3', 'Shipped', ['1Z1']),
      report(103, 'S', 's-1', 'Ordered'),
    ]);

    // Then only the changes are confirmed
    expect(decisions.map((decision) => decision.outcome)).toEqual(['confirmed', 'unchanged', 'confirmed', 'duplicate']);
    // And a later batch compares with what the order said last
    const later = await ledger.recordStatuses(STATUSES, [
      report(110, 'S', 's-4', 'Shipped', ['1Z1']),
      report(111, 'S', 's-5', 'Shipped', ['1Z2']),
    ]);
    expect(later.map((decision) => decision.outcome)).toEqual(['unchanged', 'confirmed']);
    // And the order's known status keeps every tracking number
    const known = await dataSource.getRepository(OrderStatusEntity).findOneByOrFail({ orderId: 'S' });
    expect(known.status).toBe('Shipped');
    expect([...known.trackingNumbers].sort()).toEqual(['1Z1', '1Z2']);
  });

  it('decides a batch read again exactly as before, ignoring what its aborted attempt wrote', async () => {
    // Given an order confirmed Ordered, then a batch (Ordered again, Shipped) whose transaction aborted
    await ledger.recordStatuses(STATUSES, [report(200, 'T', 't-1', 'Ordered')]);
    const aborted = await ledger.recordStatuses(STATUSES, [report(201, 'T', 't-2', 'Ordered'), report(202, 'T', 't-3', 'Shipped')]);

    // When the batch is read again (its attempt left the order at Shipped in the history)
    const again = await ledger.recordStatuses(STATUSES, [report(201, 'T', 't-2', 'Ordered'), report(202, 'T', 't-3', 'Shipped')]);

    // Then the decisions are the first attempt's: Ordered is no news, Shipped is confirmed again
    expect(aborted.map((decision) => decision.outcome)).toEqual(['unchanged', 'confirmed']);
    expect(again.map((decision) => decision.outcome)).toEqual(['unchanged', 'confirmed']);
  });

  it('tells which record claimed the order of a report, or that the order is unknown', async () => {
    // Given one claimed order and one the ledger never saw
    await ledger.claimOrders(CREATED, [claim(300, 'K')]);

    // When reports about both are recorded
    const decisions = await ledger.recordStatuses(STATUSES, [report(300, 'K', 'k-1', 'Ordered'), report(301, 'U', 'u-1', 'Ordered')]);

    // Then the first names its claimant and the second none
    expect(decisions.map((decision) => decision.receivedBy)).toEqual([{ ...CREATED, offset: '300' }, null]);
  });
});
