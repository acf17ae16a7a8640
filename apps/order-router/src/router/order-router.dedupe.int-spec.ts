import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, ServiceProcess, TestDatabase, testKafka } from '@dropship/testing';
import type { Kafka, Message } from 'kafkajs';
import { Client } from 'pg';
import { decodeEvent, EVENT_TYPES, routeTopic, TOPICS } from '@dropship/messaging';
import { receivedEventId } from '../events/event-ids';
import { newEntryId, newOrderId, orderCreatedRecord, ReadEvent, TRACEPARENT } from '../testing/router-fixtures';
import {
  metricValue,
  prepareRouterGroup,
  produce,
  routerEnv,
  startRouter,
  waitForCount,
  waitForDrained,
} from '../testing/router-harness';
import { OutputWatcher } from '../testing/output-watcher';

const PORT = 13121;
const RULES = `
- route: ship-to-store
  when: { shipToStore: true }
- route: big-retailer
  when:
    companyId: [777]
    skuPrefix: BIG-
`;

interface PlannedOrder {
  orderId: string;
  record: Message;
  entryId: string;
  shipToStore: boolean;
  bigRetailer: boolean;
}

function planOrders(count: number): PlannedOrder[] {
  return Array.from({ length: count }, (_, index) => {
    const orderId = newOrderId();
    const entryId = newEntryId();
    const shipToStore = index % 3 === 0;
    const bigRetailer = index % 4 === 0;
    const record = orderCreatedRecord(orderId, {
      entryId,
      shipToStore: String(shipToStore),
      companyId: bigRetailer || index % 4 === 1 ? 777 : 33772,
      // Every fourth order only has the retailer's id, not the SKU prefix: it must not match.
      skus: bigRetailer || index % 4 === 2 ? ['BIG-1', 'AB-2'] : ['AB-1'],
    });
    return { orderId, record, entryId, shipToStore, bigRetailer };
  });
}

describe('order-router: each new order exactly once (real Kafka and Postgres)', () => {
  let kafka: Kafka;
  let database: TestDatabase;
  let watcher: OutputWatcher;
  const keys = new Set<string>();
  const routers: ServiceProcess[] = [];
  const routeTopics = [routeTopic('ship-to-store'), routeTopic('big-retailer')];

  beforeAll(async () => {
    kafka = testKafka('router-dedupe');
    database = await createTestDatabase();
    await prepareRouterGroup(kafka);
    const dir = mkdtempSync(join(tmpdir(), 'router-rules-'));
    writeFileSync(join(dir, 'rules.yaml'), RULES);
    watcher = await OutputWatcher.start(kafka, [TOPICS.orders, TOPICS.ordersDlq, ...routeTopics], keys);
    await startRouter(routerEnv(database.url, PORT, { ROUTING_RULES_FILE: join(dir, 'rules.yaml') }), routers);
  });

  afterAll(async () => {
    await Promise.all(routers.map((router) => router.stop()));
    await watcher.stop();
    await database.drop();
  });

  it('publishes 800 orders once from 1,000 records with 200 duplicates of both kinds, with their route copies', async () => {
    // Given 800 orders, 100 of them delivered twice with the same entry id and 100 announced again
    // by a different entry, and routing rules for ship-to-store and one retailer's BIG- SKUs
    const orders = planOrders(800);
    const sameEntry = orders.slice(0, 100).map((order) => order.record);
    const otherEntry = orders.slice(100, 200).map((order) => orderCreatedRecord(order.orderId, { entryId: newEntryId() }));
    for (const order of orders) keys.add(order.orderId);
    const mine = (records: ReadEvent[]) => records.filter((record) => orders.some((order) => order.orderId === record.key));

    // When the 1,000 records arrive, duplicates after the originals
    await produce(kafka, TOPICS.orderCreated, [...orders.map((order) => order.record), ...sameEntry, ...otherEntry]);

    // Then a read_committed subscriber sees exactly 800 dropship.order.received, one per order
    await waitForCount(() => mine(watcher.on(TOPICS.orders)).length, 800, 'received orders');
    await waitForDrained(kafka);
    await watcher.waitCaughtUp(kafka, [TOPICS.orders, ...routeTopics]);
    const received = mine(watcher.on(TOPICS.orders));
    expect(received).toHaveLength(800);
    expect(new Set(received.map((record) => record.key))).toEqual(new Set(orders.map((order) => order.orderId)));
    for (const record of received) {
      const event = decodeEvent(JSON.stringify(record.event), { accept: [EVENT_TYPES.orderReceived] });
      const order = orders.find((candidate) => candidate.orderId === record.key);
      // And each is the first entry's order, with an id derived from the order, the trace carried on
      expect(event.data.entryId).toBe(order?.entryId);
      expect(event.id).toBe(receivedEventId(event.subject));
      expect(event.data.shipToStore).toBe(order?.shipToStore);
      expect(record.headers['traceparent']).toBe(TRACEPARENT);
    }
    // And exactly the matching orders have a copy on each route topic
    const routed = (topic: string): string[] => mine(watcher.on(topic)).map((record) => record.key ?? '').sort();
    expect(routed(routeTopic('ship-to-store'))).toEqual(orders.filter((o) => o.shipToStore).map((o) => o.orderId).sort());
    expect(routed(routeTopic('big-retailer'))).toEqual(orders.filter((o) => o.bigRetailer).map((o) => o.orderId).sort());
    expect(mine(watcher.on(TOPICS.ordersDlq))).toEqual([]);
    // And the metrics count both kinds of duplicate
    await expect(metricValue(PORT, 'dropship_router_order_duplicates_total', 'kind="entry"')).resolves.toBe(100);
    await expect(metricValue(PORT, 'dropship_router_order_duplicates_total', 'kind="order"')).resolves.toBe(100);
  });

  it('publishes an order whose claim was left in the ledger by an attempt whose transaction aborted', async () => {
    // Given a ledger claim naming the next record of partition 0, as an attempt that claimed the
    // order and crashed before its Kafka transaction committed would have left it
    const orderId = newOrderId();
    const entryId = newEntryId();
    keys.add(orderId);
    const offset = await nextOffsetOf(kafka, TOPICS.orderCreated, 0);
    await claimInLedger(database.url, { orderId, entryId, offset });

    // When that record is read (again)
    await produce(kafka, TOPICS.orderCreated, [{ ...orderCreatedRecord(orderId, { entryId }), partition: 0 }]);

    // Then the order is published, once
    await waitForCount(() => watcher.records.filter((record) => record.key === orderId).length, 1, 'the order');
    await waitForDrained(kafka);
    await watcher.waitCaughtUp(kafka, [TOPICS.orders]);
    expect(watcher.on(TOPICS.orders).filter((record) => record.key === orderId)).toHaveLength(1);
  });
});

async function nextOffsetOf(kafka: Kafka, topic: string, partition: number): Promise<string> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.find((candidate) => candidate.partition === partition)?.high ?? '0';
  } finally {
    await admin.disconnect();
  }
}

async function claimInLedger(url: string, claim: { orderId: string; entryId: string; offset: string }): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO order_router.received_orders (order_id, entry_id, source_topic, source_partition, source_offset, received_at)
       VALUES ($1, $2, $3, 0, $4, now())`,
      [claim.orderId, claim.entryId, TOPICS.orderCreated, claim.offset],
    );
  } finally {
    await client.end();
  }
}
