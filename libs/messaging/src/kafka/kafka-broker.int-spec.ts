import { createKafka } from '@dropship/platform';
import { collectRecords, createTopics, testBrokers, testKafka, uniqueName, waitFor } from '@dropship/testing';
import { Consumer, IHeaders, Kafka, logLevel } from 'kafkajs';

/**
 * What the services rely on from the real broker and kafkajs 2.2.4: consumer groups sharing
 * partitions, and transactions whose aborted records a read_committed consumer never sees.
 */
describe('the local Kafka broker with kafkajs', () => {
  let kafka: Kafka;
  const consumers: Consumer[] = [];

  beforeAll(() => {
    kafka = testKafka('broker-check');
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
  });

  it('delivers every record once to a consumer group whose members share the partitions', async () => {
    // Given a 4-partition topic and two members of one consumer group
    const topic = uniqueName('group-check');
    await createTopics(kafka, [topic], 4);
    const groupId = uniqueName('group');
    const seen: string[] = [];
    const assigned = new Map<string, Set<number>>();
    for (const member of ['a', 'b']) {
      const consumer = kafka.consumer({ groupId });
      consumers.push(consumer);
      assigned.set(member, new Set());
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        assigned.set(member, new Set(payload.memberAssignment[topic] ?? []));
      });
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value?.toString() ?? '') });
    }
    await waitFor(() => [...assigned.values()].every((partitions) => partitions.size > 0), {
      description: 'both members to own partitions',
    });
    // When 100 keyed records are produced
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    const values = Array.from({ length: 100 }, (_, i) => `order-${i}`);
    await producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: value, value })) });
    await producer.disconnect();
    // Then the group consumed each exactly once, and the members split the 4 partitions
    await waitFor(() => seen.length >= 100, { description: '100 records consumed' });
    expect([...seen].sort()).toEqual([...values].sort());
    const [first, second] = [...assigned.values()];
    expect(first.size + second.size).toBe(4);
    expect([...first].some((partition) => second.has(partition))).toBe(false);
  });

  it('shows a read_committed consumer only the records of committed transactions', async () => {
    // Given a transactional producer
    const topic = uniqueName('txn-check');
    await createTopics(kafka, [topic], 2);
    const producer = kafka.producer({ transactionalId: uniqueName('txn'), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    // When one transaction commits, one aborts, and a last one commits
    for (const [label, outcome] of [['first', 'commit'], ['aborted', 'abort'], ['last', 'commit']] as const) {
      const transaction = await producer.transaction();
      await transaction.send({ topic, messages: [0, 1, 2].map((i) => ({ key: `k${i}`, value: `${label}-${i}` })) });
      await (outcome === 'commit' ? transaction.commit() : transaction.abort());
    }
    await producer.disconnect();
    // Then read_committed sees the committed six, read_uncommitted also sees the aborted three
    const committed = await collectRecords(kafka, [topic], { readCommitted: true });
    const uncommitted = await collectRecords(kafka, [topic], { readCommitted: false });
    consumers.push(committed.consumer, uncommitted.consumer);
    await waitFor(() => uncommitted.records.length >= 9, { description: '9 records read uncommitted' });
    await waitFor(() => committed.records.length >= 6, { description: '6 committed records' });
    expect(committed.records.map((record) => record.value).sort()).toEqual(
      ['first-0', 'first-1', 'first-2', 'last-0', 'last-1', 'last-2'],
    );
    expect(uncommitted.records.map((record) => record.value)).toEqual(expect.arrayContaining(['aborted-0', 'aborted-1']));
  });

  it("hides two producers' transactions aborted in the opposite order they began (kafkajs needs the platform fix)", async () => {
    // Given two transactional producers whose open transactions interleave on one partition
    const topic = uniqueName('abort-order');
    await createTopics(kafka, [topic], 1);
    const [first, second] = [uniqueName('txn-a'), uniqueName('txn-b')].map((id) =>
      kafka.producer({ transactionalId: id, idempotent: true, maxInFlightRequests: 1 }),
    );
    await Promise.all([first.connect(), second.connect()]);
    const firstTransaction = await first.transaction();
    await firstTransaction.send({ topic, messages: [{ key: 'a', value: 'aborted-a1' }] });
    const secondTransaction = await second.transaction();
    await secondTransaction.send({ topic, messages: [{ key: 'b', value: 'aborted-b1' }] });
    await firstTransaction.send({ topic, messages: [{ key: 'a', value: 'aborted-a2' }] });
    // When the later one aborts first (as fencing a dead owner's sessions can), then a commit follows
    await secondTransaction.abort();
    await firstTransaction.abort();
    const committed = await first.transaction();
    await committed.send({ topic, messages: [{ key: 'a', value: 'committed' }] });
    await committed.commit();
    await Promise.all([first.disconnect(), second.disconnect()]);
    // Then read_committed sees the committed record only (a leaked one would arrive before it)
    const reader = await collectRecords(kafka, [topic], { readCommitted: true });
    consumers.push(reader.consumer);
    await waitFor(() => reader.records.some((record) => record.value === 'committed'), { description: 'the committed record' });
    expect(reader.records.map((record) => record.value)).toEqual(['committed']);
  });

  it('commits consumer offsets inside a transaction (consume-transform-produce)', async () => {
    // Given an input record and a transactional producer in the role of a service
    const [input, output] = [uniqueName('in'), uniqueName('out')];
    await createTopics(kafka, [input, output], 1);
    const seed = kafka.producer();
    await seed.connect();
    await seed.send({ topic: input, messages: [{ key: 'o1', value: 'order' }] });
    await seed.disconnect();
    const groupId = uniqueName('eos-group');
    const producer = kafka.producer({ transactionalId: uniqueName('eos'), idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    // When it publishes and commits the input offset in one transaction
    const transaction = await producer.transaction();
    await transaction.send({ topic: output, messages: [{ key: 'o1', value: 'routed' }] });
    await transaction.sendOffsets({ consumerGroupId: groupId, topics: [{ topic: input, partitions: [{ partition: 0, offset: '1' }] }] });
    await transaction.commit();
    await producer.disconnect();
    // Then the group's committed offset moved with the transaction
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchOffsets({ groupId, topics: [input] });
    await admin.disconnect();
    expect(offsets[0]?.partitions[0]?.offset).toBe('1');
  });

  it("stores exactly what the platform's one-pass produce encoding sends, in and out of transactions", async () => {
    // Given the platform's client (its Produce encoding replaces kafkajs's) and a 3-partition topic
    const platformKafka = createKafka({ clientId: uniqueName('encoding'), brokers: testBrokers(), logLevel: logLevel.NOTHING });
    const topic = uniqueName('encoding-check');
    await createTopics(platformKafka, [topic], 3);
    const messages = [
      { key: 'ascii', value: 'plain', headers: { ce_type: 'dropship.order.received' } },
      { key: Buffer.from('bytes-key'), value: Buffer.from([0, 1, 2, 255]), headers: { many: ['one', 'two'], raw: Buffer.from([9]) } },
      { key: null, value: 'no key' },
      { key: 'unicode', value: `Zoë 注文 😀 ${'x'.repeat(100_000)}`, headers: { 'ce_ünïcode': 'välue' } },
    ];
    // When an idempotent producer sends them, and a transactional one commits them again
    const plain = platformKafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    const transactional = platformKafka.producer({ transactionalId: uniqueName('encoding-txn'), idempotent: true, maxInFlightRequests: 1 });
    await Promise.all([plain.connect(), transactional.connect()]);
    await plain.send({ topic, acks: -1, messages: messages.map((message) => ({ ...message, partition: 0 })) });
    const transaction = await transactional.transaction();
    await transaction.send({ topic, messages: messages.map((message, index) => ({ ...message, partition: 1 + (index % 2) })) });
    await transaction.commit();
    await Promise.all([plain.disconnect(), transactional.disconnect()]);
    // Then a read_committed consumer reads every key, value and header back unchanged (the broker
    // checked each batch's CRC on the way in)
    const read: { key: string | null; value: string; headers: IHeaders }[] = [];
    const consumer = testKafka('encoding-reader').consumer({ groupId: uniqueName('encoding-group') });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void read.push({ key: message.key?.toString('hex') ?? null, value: message.value?.toString('hex') ?? '', headers: message.headers ?? {} }),
    });
    await waitFor(() => read.length >= 8, { description: '8 records read back' });
    const expected = messages.map((message) => ({
      key: message.key === null ? null : Buffer.from(message.key).toString('hex'),
      value: Buffer.from(message.value).toString('hex'),
      headers: Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.map((one) => Buffer.from(one)) : Buffer.from(value)]),
      ),
    }));
    const byKeyAndValue = (a: { key: string | null; value: string }, b: { key: string | null; value: string }) =>
      `${a.key}/${a.value}`.localeCompare(`${b.key}/${b.value}`);
    expect([...read].sort(byKeyAndValue)).toEqual([...expected, ...expected].sort(byKeyAndValue));
  });
});

