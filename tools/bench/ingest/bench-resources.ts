// The benchmark's own database and topics, created for one run and removed after it.
import { randomBytes } from 'node:crypto';
import { kafkaClientConfig } from '@dropship/messaging';
import { createKafka, dataSourceOptions, ensureDatabase, migrateSchema } from '@dropship/platform';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { feedIngestorDatabase } from '../../../apps/feed-ingestor/src/database/feed-ingestor.database';

const SERVER_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchResources {
  databaseUrl: string;
  kafka: Kafka;
  topicOf(topic: string): string;
  remove(): Promise<void>;
}

export async function createBenchResources(brokers: string[], topics: readonly string[], partitions: number): Promise<BenchResources> {
  const run = `bench-ingest-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${run.replace(/-/g, '_')}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl, 'feed-ingestor', feedIngestorDatabase)).initialize();
  await migrateSchema(dataSource, feedIngestorDatabase.schema);
  await dataSource.destroy();
  const kafka = createKafka(kafkaClientConfig({ brokers, ssl: false }, run));
  const topicOf = (topic: string) => `${run}.${topic}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic: topicOf(topic), numPartitions: partitions })) });
  await admin.disconnect();
  return {
    databaseUrl,
    kafka,
    topicOf,
    remove: async () => {
      const cleanup = kafka.admin();
      await cleanup.connect();
      await cleanup.deleteTopics({ topics: topics.map(topicOf) }).catch(() => undefined);
      await cleanup.disconnect();
      const client = new Client({ connectionString: SERVER_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
      await client.end();
    },
  };
}
