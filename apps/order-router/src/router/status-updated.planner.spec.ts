import { decodeEvent, EVENT_TYPES, TOPICS } from '@dropship/messaging';
import { confirmedEventId } from '../events/event-ids';
import { FakeLedger, kafkaMessage } from '../testing/fake-ledger';
import { statusUpdatedRecord } from '../testing/router-fixtures';
import { HeldReport, ReceivedGate } from './received-gate';
import { StatusUpdatedPlanner } from './status-updated.planner';

const SOURCE = { topic: TOPICS.orderStatusUpdated, partition: 1 };

/** A gate that makes the reports of `waitingOrders` wait. */
function gate(waitingOrders: string[] = []): ReceivedGate {
  return {
    now: () => 0,
    mustWait: async (report: HeldReport) => waitingOrders.includes(report.orderId),
  } as unknown as ReceivedGate;
}

describe('StatusUpdatedPlanner', () => {
  it('confirms the reports the ledger calls news, and counts the others', async () => {
    // Given three reports: news, unchanged and repeated
    const ledger = new FakeLedger();
    ledger.decisions.set('6', { outcome: 'unchanged', receivedBy: null });
    ledger.decisions.set('7', { outcome: 'duplicate', receivedBy: null });
    const planner = new StatusUpdatedPlanner(ledger, gate());
    const messages = [5, 6, 7].map((offset) => kafkaMessage(offset, statusUpdatedRecord('order-1', { entryId: `urn:uuid:s${offset}` })));

    // When planned
    const plan = await planner.plan(SOURCE, messages, '7');

    // Then one status-confirmed event, keyed by the order, with the entry's id; all three offsets commit
    const records = plan.output.messagesOf(TOPICS.orders);
    expect(records).toHaveLength(1);
    const event = decodeEvent(records[0]?.value as Buffer, { accept: [EVENT_TYPES.orderStatusConfirmed] });
    expect(event).toMatchObject({ id: confirmedEventId('urn:uuid:s5'), subject: 'order-1' });
    expect(plan).toMatchObject({ nextOffset: '8', held: false, tally: { confirmed: 1, unchanged: 1, repeatedReports: 1 } });
    // And the ledger was told what each report says, by a hash of its content
    expect(ledger.reports.map((report) => report.contentHash)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), ledger.reports[0]?.contentHash, ledger.reports[0]?.contentHash]);
  });

  it('stops before a report whose order is not received yet, committing what came before', async () => {
    // Given a report about a received order, then one about an order still on its way
    const planner = new StatusUpdatedPlanner(new FakeLedger(), gate(['order-late']));
    const messages = [kafkaMessage(5, statusUpdatedRecord('order-1')), kafkaMessage(6, statusUpdatedRecord('order-late')), kafkaMessage(7, statusUpdatedRecord('order-1'))];

    // When planned / Then the batch ends at the waiting report, which is read again later
    const plan = await planner.plan(SOURCE, messages, '7');
    expect(plan.output.messagesOf(TOPICS.orders)).toHaveLength(1);
    expect(plan).toMatchObject({ nextOffset: '6', held: true });
  });

  it('dead-letters a record of another type and goes on', async () => {
    // Given an order-created event on the status topic, then a report
    const planner = new StatusUpdatedPlanner(new FakeLedger(), gate());
    const wrongType = JSON.parse(String(statusUpdatedRecord('order-1').value)) as { type: string };
    wrongType.type = EVENT_TYPES.orderCreated;
    const messages = [kafkaMessage(1, { key: 'order-1', value: JSON.stringify(wrongType) }), kafkaMessage(2, statusUpdatedRecord('order-1'))];

    // When planned / Then one dead letter and one confirmation
    const plan = await planner.plan(SOURCE, messages, '2');
    expect(plan.tally.deadLetters).toEqual(new Map([['MESSAGE.UNKNOWN_TYPE', 1]]));
    expect(plan.output.messagesOf(TOPICS.orders)).toHaveLength(1);
  });
});
