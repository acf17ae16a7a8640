import { collectRecords, createTopics, testKafka, uniqueName, waitFor } from '@dropship/testing';
import type { Consumer, Kafka } from 'kafkajs';
import { GroupOffsets } from './group-offsets';
import { PartitionSessions } from './partition-sessions';
import { PublishFailedError } from './router.errors';

describe('PartitionSessions: zombie fencing on the real broker', () => {
  let kafka: Kafka;
  const offsets: GroupOffsets[] = [];
  const sessions: PartitionSessions[] = [];
  const consumers: Consumer[] = [];

  /** One replica's view of the partitions. */
  function replica(): PartitionSessions {
    const groupOffsets = new GroupOffsets(kafka);
    offsets.push(groupOffsets);
    const replicaSessions = new PartitionSessions(kafka, groupOffsets);
    sessions.push(replicaSessions);
    return replicaSessions;
  }

  beforeAll(() => {
    kafka = testKafka('router-fencing');
  });

  afterAll(async () => {
    await Promise.all(sessions.map((replicaSessions) => replicaSessions.closeAll()));
    await Promise.all(offsets.map((groupOffsets) => groupOffsets.onApplicationShutdown()));
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
  });

  it('lets the new owner of a partition see the old owner’s commits and refuses the old owner’s later ones', async () => {
    // Given replica A owning an input partition and committing a first batch
    const [input, output] = [uniqueName('fencing-in'), uniqueName('fencing-out')];
    await createTopics(kafka, [input, output], 1);
    const source = { topic: input, partition: 0 };
    const zombie = await replica().open(source);
    const record = (value: string) => [{ topic: output, messages: [{ key: 'order', value }] }];
    await zombie.commit(record('first batch'), '5');

    // When the partition moves to replica B while A stalls, and A wakes up and commits
    const owner = await replica().open(source);
    const lateCommit = zombie.commit(record('stale batch'), '9');

    // Then B starts after A's commit, A's late commit is refused and so is any commit queued behind it
    expect(owner.committed).toBe('5');
    await expect(lateCommit).rejects.toBeInstanceOf(PublishFailedError);
    await expect(zombie.settled()).resolves.toBe(false);
    expect(zombie.usable).toBe(false);
    await expect(zombie.commit(record('queued behind the refused one'), '11')).rejects.toBeInstanceOf(PublishFailedError);

    // And B's commits, started one behind the other without waiting, count in their order
    const next = owner.commit(record('next batch'), '7');
    const after = owner.commit(record('batch after'), '8');
    expect(owner.position).toBe('8');
    await Promise.all([next, after]);
    await expect(owner.settled()).resolves.toBe(true);
    expect(owner.committed).toBe('8');
    const { records, consumer } = await collectRecords(kafka, [output], { readCommitted: true });
    consumers.push(consumer);
    await waitFor(() => records.length >= 3, { description: 'the three committed batches' });
    expect(records.map((read) => read.value)).toEqual(['first batch', 'next batch', 'batch after']);
    await expect(offsets[0]?.committedOffset(input, 0)).resolves.toBe(8n);
  });
});
