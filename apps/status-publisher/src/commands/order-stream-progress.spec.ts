import { OrderStreamOffsets, OrderStreamProgress } from './order-stream-progress';

/** A topic of two partitions whose ends and group progress the test moves by hand. */
function fakeTopic() {
  const ends = new Map<number, bigint>([
    [0, 10n],
    [1, 4n],
  ]);
  const read = new Map<number, bigint>([
    [0, 10n],
    [1, 4n],
  ]);
  const offsets: OrderStreamOffsets = { read: async () => ({ ends: new Map(ends), readUpTo: new Map(read) }) };
  let clock = 1_000;
  const now = async () => new Date((clock += 1_000));
  return { ends, read, progress: new OrderStreamProgress(offsets, now) };
}

describe('OrderStreamProgress', () => {
  it('answers the snapshot time at once when the group is at the ends', async () => {
    // Given a group that has read everything / When asked / Then the moment of the snapshot
    const { progress } = fakeTopic();
    expect(await progress.readUntil()).toEqual(new Date(2_000));
  });

  it('keeps the last moment while the group lags, and moves on once it reaches the snapshot', async () => {
    // Given a first answer, then new orders the group has not read yet
    const topic = fakeTopic();
    expect(await topic.progress.readUntil()).toEqual(new Date(2_000));
    topic.ends.set(1, 9n);
    // When asked while the group is behind / Then the earlier moment stands
    expect(await topic.progress.readUntil()).toEqual(new Date(2_000));
    expect(await topic.progress.readUntil()).toEqual(new Date(2_000));
    // When the group reaches the ends of the snapshot taken while it lagged
    topic.read.set(1, 9n);
    // Then that snapshot's moment is the answer
    expect(await topic.progress.readUntil()).toEqual(new Date(3_000));
  });

  it('has no answer before the group has ever read up to a snapshot', async () => {
    // Given a group behind from the start
    const topic = fakeTopic();
    topic.read.set(0, 3n);
    // Then no moment is known (so no held command expires)
    expect(await topic.progress.readUntil()).toBeUndefined();
  });

  it('counts a partition missing from the group’s offsets as unread', async () => {
    const topic = fakeTopic();
    topic.read.delete(1);
    expect(await topic.progress.readUntil()).toBeUndefined();
  });
});
