import { KafkaAdmin } from '@dropship/messaging';
import { ConnectorConfig, HealthRegistry } from '@dropship/platform';
import { collectRecords, testKafka, uniqueName, waitFor } from '@dropship/testing';
import type { EntryRecord } from './entry-records';
import { FeedPublisher } from './feed.publisher';

describe('FeedPublisher (real Kafka)', () => {
  it('sends a page whose records for one partition exceed what the broker takes in one batch', async () => {
    // Given a page of three 600 KB records with one key (one partition, 1.8 MB: over max.message.bytes)
    const kafka = testKafka('feed-publisher');
    const topic = uniqueName('feed-publisher-big');
    const kafkaAdmin = new KafkaAdmin(kafka, new HealthRegistry());
    await kafkaAdmin.admin.connect();
    await kafkaAdmin.admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
    // The service's own topics are created as a service with the default TOPIC_PARTITIONS would.
    const publisher = new FeedPublisher(kafka, kafkaAdmin, { topicPartitions: 6 } as ConnectorConfig);
    const records = ['a', 'b', 'c'].map(
      (name): EntryRecord => ({
        key: name,
        kind: 'order-created',
        topic,
        message: { key: 'order-1', value: Buffer.from(name.repeat(600_000)), headers: {} },
        entryId: name,
        orderId: 'order-1',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      }),
    );
    const consumed = await collectRecords(kafka, [topic]);
    try {
      // When the page is sent / Then every record arrives, in page order
      await publisher.send(records);
      await waitFor(() => consumed.records.length === 3, { description: 'the three records' });
      expect(consumed.records.map((record) => record.value?.slice(0, 1))).toEqual(['a', 'b', 'c']);
    } finally {
      await consumed.consumer.disconnect();
      await publisher.onApplicationShutdown();
      await kafkaAdmin.admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await kafkaAdmin.admin.disconnect();
    }
  });
});
