import type { Admin, ITopicConfig } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  /** Overrides the configured TOPIC_PARTITIONS (e.g. 1 for a strictly ordered stream). */
  numPartitions?: number;
  configEntries?: ITopicConfig['configEntries'];
}

/**
 * Creates the topics a service reads or writes when they are missing (contract: "creates the
 * topics it writes or reads if they are missing"). Existing topics are left as they are: their
 * partition count is an operator's decision. Safe when replicas start together.
 */
export async function ensureTopics(admin: Admin, topics: TopicSpec[], partitions: number): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return [];
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((spec) => ({
      topic: spec.topic,
      numPartitions: spec.numPartitions ?? partitions,
      // -1 takes the broker's default.replication.factor (1 on a dev broker, 3 in production).
      replicationFactor: -1,
      configEntries: spec.configEntries,
    })),
  });
  return missing.map((spec) => spec.topic);
}
