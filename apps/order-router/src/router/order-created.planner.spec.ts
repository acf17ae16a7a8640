import { decodeEvent, EVENT_TYPES, routeTopic, TOPICS } from '@dropship/messaging';
import { receivedEventId } from '../events/event-ids';
import { InlineOrderReader } from '../orders/order-reader';
import { RouteMatcher } from '../rules/route-matcher';
import { FakeLedger, kafkaMessage } from '../testing/fake-ledger';
import { orderCreatedRecord, TRACEPARENT } from '../testing/router-fixtures';
import { OrderCreatedPlanner } from './order-created.planner';
import { ClaimNotVisibleError } from './router.errors';

const SOURCE = { topic: TOPICS.orderCreated, partition: 3 };

function setup(): { ledger: FakeLedger; planner: OrderCreatedPlanner } {
  const ledger = new FakeLedger();
  const matcher = new RouteMatcher([{ position: 1, route: 'ship-to-store', when: { shipToStore: true } }]);
  return { ledger, planner: new OrderCreatedPlanner(ledger, new InlineOrderReader({ matcher, supplierId: 60455 })) };
}

describe('OrderCreatedPlanner', () => {
  it('publishes a new order to dropship.orders.v1 and its route topics, keyed by the order id, trace carried on', async () => {
    // Given a new ship-to-store order
    const { planner } = setup();
    const message = kafkaMessage(10, orderCreatedRecord('order-1', { entryId: 'urn:uuid:e1' }));

    // When its batch is planned
    const plan = await planner.plan(SOURCE, [message], '10');

    // Then the received event goes to both topics, and the offset after the batch is committed with it
    const [record] = plan.output.messagesOf(TOPICS.orders);
    const event = decodeEvent(record?.value as Buffer, { accept: [EVENT_TYPES.orderReceived] });
    expect(event).toMatchObject({ id: receivedEventId('order-1'), subject: 'order-1', traceparent: TRACEPARENT });
    expect(record).toMatchObject({ key: 'order-1', headers: expect.objectContaining({ traceparent: TRACEPARENT }) });
    expect(plan.output.messagesOf(routeTopic('ship-to-store'))).toEqual([record]);
    expect(plan).toMatchObject({ nextOffset: '11', held: false, tally: { received: 1, routed: new Map([['ship-to-store', 1]]) } });
  });

  it('publishes an order again when the ledger names this very record (its earlier transaction aborted)', async () => {
    // Given a claim left by an earlier attempt of the same record
    const { ledger, planner } = setup();
    ledger.claims.set('order-1', { orderId: 'order-1', entryId: 'urn:uuid:e1', position: { ...SOURCE, offset: '10' } });

    // When the record is read again / Then it is published
    const plan = await planner.plan(SOURCE, [kafkaMessage(10, orderCreatedRecord('order-1', { entryId: 'urn:uuid:e1' }))], '10');
    expect(plan.output.messagesOf(TOPICS.orders)).toHaveLength(1);
  });

  it('counts records of a claimed order as duplicates of the same entry or of the order', async () => {
    // Given an order claimed at offset 10
    const { ledger, planner } = setup();
    ledger.claims.set('order-1', { orderId: 'order-1', entryId: 'urn:uuid:e1', position: { ...SOURCE, offset: '10' } });

    // When the same entry and another entry of it arrive later
    const plan = await planner.plan(
      SOURCE,
      [
        kafkaMessage(20, orderCreatedRecord('order-1', { entryId: 'urn:uuid:e1' })),
        kafkaMessage(21, orderCreatedRecord('order-1', { entryId: 'urn:uuid:e2' })),
      ],
      '21',
    );

    // Then nothing is published and both kinds are counted
    expect(plan.output.size).toBe(0);
    expect(plan.tally.duplicates).toEqual({ entry: 1, order: 1 });
    expect(plan.nextOffset).toBe('22');
  });

  it('dead-letters what it cannot read or normalize, with the order id when it is known, and goes on', async () => {
    // Given a record that is not JSON, one without items, and a good one
    const { planner } = setup();
    const noItems = JSON.parse(String(orderCreatedRecord('order-2').value)) as { data: { items: unknown[] } };
    noItems.data.items = [];
    const messages = [
      kafkaMessage(1, { key: 'k1', value: 'not json' }),
      kafkaMessage(2, { key: 'order-2', value: JSON.stringify(noItems) }),
      kafkaMessage(3, orderCreatedRecord('order-3')),
    ];

    // When planned
    const plan = await planner.plan(SOURCE, messages, '3');

    // Then two dead letters (keyed by record key and order id) and one order
    const letters = plan.output.messagesOf(TOPICS.ordersDlq).map((record) => decodeEvent(record.value as Buffer));
    expect(letters.map((letter) => [letter.subject, (letter.data as { errorCode: string }).errorCode])).toEqual([
      ['k1', 'MESSAGE.NOT_JSON'],
      ['order-2', 'ORDER.NOT_NORMALIZABLE'],
    ]);
    expect(plan.output.messagesOf(TOPICS.orders)).toHaveLength(1);
    expect(plan.tally.deadLetters).toEqual(new Map([['MESSAGE.NOT_JSON', 1], ['ORDER.NOT_NORMALIZABLE', 1]]));
  });

  it('asks for a retry when a concurrent claim is not visible yet', async () => {
    // Given a ledger whose answer leaves the order out
    const { ledger, planner } = setup();
    ledger.claimOrders = async () => new Map();
    // When planned / Then the batch fails with a retriable error
    await expect(planner.plan(SOURCE, [kafkaMessage(1, orderCreatedRecord('order-1'))], '1')).rejects.toBeInstanceOf(ClaimNotVisibleError);
  });
});
