import { createTestDatabase, ServiceProcess, TestDatabase, testKafka } from '@dropship/testing';
import type { Kafka, Message } from 'kafkajs';
import { decodeEvent, EVENT_TYPES, exampleEvent, TOPICS } from '@dropship/messaging';
import { newOrderId, orderCreatedRecord, statusUpdatedRecord } from '../testing/router-fixtures';
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

const PORT = 13151;

interface Malformed {
  errorCode: string;
  topic: string;
  message: Message;
}

/**
 * One record of each kind the router cannot process. Each has its own key; where the order id can
 * be read it is the same value, since a dead letter is keyed by the order id when it is known.
 */
function malformedRecords(): Malformed[] {
  const withOrder = <T extends { subject: string; data: object }>(event: T, orderId: string): T => ({
    ...event,
    subject: orderId,
    data: { ...event.data, orderId },
  });
  const created = (orderId: string, change: (data: Record<string, unknown>) => void = () => undefined): string => {
    const event = withOrder(exampleEvent(EVENT_TYPES.orderCreated), orderId);
    change(event.data as Record<string, unknown>);
    return JSON.stringify(event);
  };
  const kinds: [string, string, (key: string) => string | null][] = [
    ['MESSAGE.NOT_JSON', TOPICS.orderCreated, () => '{"specversion": "1.0", '],
    ['MESSAGE.NOT_JSON', TOPICS.orderStatusUpdated, () => null],
    ['MESSAGE.NOT_CLOUDEVENT', TOPICS.orderCreated, () => JSON.stringify({ orderId: 'x', items: [] })],
    ['MESSAGE.UNKNOWN_TYPE', TOPICS.orderCreated, (key) => JSON.stringify({ ...JSON.parse(created(key)), type: 'com.example.other' })],
    ['MESSAGE.UNKNOWN_TYPE', TOPICS.orderStatusUpdated, (key) => created(key)],
    ['MESSAGE.SCHEMA_VIOLATION', TOPICS.orderCreated, (key) => created(key, (data) => ((data['items'] as object[])[0] = { quantity: 'one' }))],
    [
      'MESSAGE.SCHEMA_VIOLATION',
      TOPICS.orderStatusUpdated,
      (key) => JSON.stringify(withOrder({ ...exampleEvent(EVENT_TYPES.orderStatusUpdated), data: { companyId: 'x' } }, key)),
    ],
    ['ORDER.NOT_NORMALIZABLE', TOPICS.orderCreated, (key) => created(key, (data) => (data['items'] = []))],
  ];
  // Every record on partition 0, between good ones, so that the test shows the partition goes on.
  return kinds.map(([errorCode, topic, value]) => {
    const key = `bad-${newOrderId()}`;
    return { errorCode, topic, message: { key, value: value(key), partition: 0 } };
  });
}

describe('order-router: input it cannot process (real Kafka and Postgres)', () => {
  let kafka: Kafka;
  let database: TestDatabase;
  let watcher: OutputWatcher | undefined;
  const routers: ServiceProcess[] = [];

  beforeAll(async () => {
    kafka = testKafka('router-dlq');
    database = await createTestDatabase();
    await prepareRouterGroup(kafka);
  });

  afterAll(async () => {
    await Promise.all(routers.map((router) => router.stop()));
    await watcher?.stop();
    await database.drop();
  });

  it('sends each malformed record to the dead-letter topic with its reason and original, and routes the rest', async () => {
    // Given good orders and reports, and between them one malformed record of each kind
    const malformed = malformedRecords();
    const orderIds = Array.from({ length: 20 }, () => newOrderId());
    const good = (topic: string, ids: string[]): Message[] =>
      ids.map((id) => ({ ...(topic === TOPICS.orderCreated ? orderCreatedRecord(id) : statusUpdatedRecord(id)), partition: 0 }));
    const keys = new Set([...orderIds, ...malformed.map((record) => String(record.message.key))]);
    watcher = await OutputWatcher.start(kafka, [TOPICS.orders, TOPICS.ordersDlq], keys);
    await startRouter(routerEnv(database.url, PORT), routers);

    // When they arrive, the malformed records in the middle of each partition
    for (const topic of [TOPICS.orderCreated, TOPICS.orderStatusUpdated]) {
      const bad = malformed.filter((record) => record.topic === topic).map((record) => record.message);
      await produce(kafka, topic, [...good(topic, orderIds.slice(0, 10)), ...bad, ...good(topic, orderIds.slice(10))]);
    }

    // Then every malformed record is on the dead-letter topic with its reason, code and original
    const output = watcher;
    await waitForCount(() => output.on(TOPICS.ordersDlq).length, malformed.length, 'dead letters');
    await waitForCount(() => output.on(TOPICS.orders).length, 40, 'received and confirmed orders');
    await waitForDrained(kafka);
    await output.waitCaughtUp(kafka, [TOPICS.orders, TOPICS.ordersDlq]);
    expect(output.on(TOPICS.ordersDlq)).toHaveLength(malformed.length);
    for (const { errorCode, topic, message } of malformed) {
      const letter = output.on(TOPICS.ordersDlq).find((record) => record.key === message.key);
      const event = decodeEvent(JSON.stringify(letter?.event), { accept: [EVENT_TYPES.orderRejected] });
      expect(event.data).toMatchObject({ errorCode, service: 'order-router', original: message.value ?? '', originalEncoding: 'utf-8' });
      expect(event.data.source).toMatchObject({ topic, partition: 0, key: message.key });
      expect(event.data.reason.length).toBeGreaterThan(10);
    }
    // And every good order and report went through: 20 received, 20 confirmed
    const types = output.on(TOPICS.orders).map((record) => record.event.type);
    expect(types.filter((type) => type === EVENT_TYPES.orderReceived)).toHaveLength(20);
    expect(types.filter((type) => type === EVENT_TYPES.orderStatusConfirmed)).toHaveLength(20);
    await expect(metricValue(PORT, 'dropship_router_dead_letters_total', 'error_code="MESSAGE.NOT_JSON"')).resolves.toBe(2);
  });
});
