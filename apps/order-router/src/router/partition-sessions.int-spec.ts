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

    // Then B starts after A's commit, A's late commit is refused, and B's commit counts
    expect(owner.committed).toBe('5');
    await expect(lateCommit).rejects.toBeInstanceOf(PublishFailedError);
    await owner.commit(record('next batch'), '7');
    const { records, consumer } = await collectRecords(kafka, [output], { readCommitted: true });
    consumers.push(consumer);
    await waitFor(() => records.length >= 2, { description: 'the two committed batches' });
    expect(records.map((read) => read.value)).toEqual(['first batch', 'next batch']);
    await expect(offsets[0]?.committedOffset(input, 0)).resolves.toBe(7n);
  });
});
