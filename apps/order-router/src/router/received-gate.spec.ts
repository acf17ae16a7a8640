import { TOPICS } from '@dropship/messaging';
import { GroupOffsets, PartitionWatermarks } from './group-offsets';
import { ReceivedGate } from './received-gate';

const STATUS_SOURCE = { topic: TOPICS.orderStatusUpdated, partition: 0 };
const ORDER = 'order-1';

/** The broker's view of order-created: committed offsets and watermarks, changed by the test. */
class FakeOffsets {
  committed = new Map<number, bigint | null>();
  watermarks = new Map<number, PartitionWatermarks>();
  asked = 0;

  asGroupOffsets(): GroupOffsets {
    return {
      committed: async () => {
        this.asked += 1;
        return new Map(this.committed);
      },
      watermarks: async () => new Map(this.watermarks),
    } as unknown as GroupOffsets;
  }
}

function setup(): { offsets: FakeOffsets; gate: ReceivedGate; clock: { now: number } } {
  const offsets = new FakeOffsets();
  for (let partition = 0; partition < 6; partition += 1) {
    offsets.watermarks.set(partition, { low: 0n, high: 10n });
    offsets.committed.set(partition, 10n);
  }
  const gate = new ReceivedGate(offsets.asGroupOffsets());
  const clock = { now: 1_000 };
  gate.now = () => clock.now;
  return { offsets, gate, clock };
}

const report = (offset: string) => ({ source: STATUS_SOURCE, offset, orderId: ORDER });

describe('ReceivedGate', () => {
  it('holds a report until the record that claimed its order is committed', async () => {
    // Given an order claimed at offset 12 of order-created partition 4, committed up to 10
    const { offsets, gate, clock } = setup();
    const claim = { topic: TOPICS.orderCreated, partition: 4, offset: '12' };

    // When asked / Then the report waits, and passes once the group committed past the claim
    await expect(gate.mustWait(report('5'), claim, clock.now)).resolves.toBe(true);
    offsets.committed.set(4, 13n);
    clock.now += 500;
    await expect(gate.mustWait(report('5'), claim, clock.now)).resolves.toBe(false);
  });

  it("learns the router's own commits without asking the broker", async () => {
    const { offsets, gate, clock } = setup();
    await gate.mustWait(report('5'), { topic: TOPICS.orderCreated, partition: 4, offset: '12' }, clock.now);
    const asked = offsets.asked;
    gate.noteCommitted(4, '13');
    await expect(gate.mustWait(report('5'), { topic: TOPICS.orderCreated, partition: 4, offset: '12' }, clock.now)).resolves.toBe(false);
    expect(offsets.asked).toBe(asked);
  });

  it('holds a report about an unknown order while order-created has unread records, then lets it go', async () => {
    // Given unread records on one order-created partition when the report is read
    const { offsets, gate, clock } = setup();
    offsets.watermarks.set(2, { low: 0n, high: 15n });
    await expect(gate.mustWait(report('5'), null, clock.now)).resolves.toBe(true);

    // When more records arrive but the group commits up to where the partitions ended at the first ask
    for (let partition = 0; partition < 6; partition += 1) offsets.watermarks.set(partition, { low: 0n, high: 30n });
    offsets.committed.set(2, 15n);
    clock.now += 300;

    // Then the report stops waiting: its order was not among the records before it
    await expect(gate.mustWait(report('5'), null, clock.now)).resolves.toBe(false);
  });

  it('does not hold a report about an unknown order when nothing is left to read', async () => {
    const { gate, clock } = setup();
    await expect(gate.mustWait(report('5'), null, clock.now)).resolves.toBe(false);
  });

  it('asks the broker again for "nothing left to read" after the report was read', async () => {
    // Given a snapshot taken before the batch was read, which showed nothing unread
    const { offsets, gate, clock } = setup();
    await gate.mustWait(report('4'), null, clock.now);
    offsets.watermarks.set(3, { low: 0n, high: 11n });

    // When a later report is read (its order's record arrived meanwhile)
    clock.now += 1;

    // Then the gate asks again and holds it
    await expect(gate.mustWait(report('5'), null, clock.now)).resolves.toBe(true);
  });
});
