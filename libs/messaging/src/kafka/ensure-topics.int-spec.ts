import { testKafka, uniqueName } from '@dropship/testing';
import { ensureTopics } from './ensure-topics';

describe('ensureTopics (real broker)', () => {
  it('creates missing topics with the configured partitions and leaves existing ones alone', async () => {
    // Given one existing 2-partition topic and one missing topic
    const admin = testKafka('ensure-topics').admin();
    await admin.connect();
    const [existing, missing] = [uniqueName('existing'), uniqueName('missing')];
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: existing, numPartitions: 2 }] });
    try {
      // When both are ensured with 6 partitions, twice (as replicas starting together would)
      const created = await Promise.all([
        ensureTopics(admin, [{ topic: existing }, { topic: missing }], 6),
        ensureTopics(admin, [{ topic: existing }, { topic: missing }], 6),
      ]);
      // Then only the missing one was created, with 6 partitions; the existing one keeps 2
      expect(created.flat().every((topic) => topic === missing)).toBe(true);
      const metadata = await admin.fetchTopicMetadata({ topics: [existing, missing] });
      const partitions = Object.fromEntries(metadata.topics.map((t) => [t.name, t.partitions.length]));
      expect(partitions).toEqual({ [existing]: 2, [missing]: 6 });
    } finally {
      await admin.disconnect();
    }
  });
});
