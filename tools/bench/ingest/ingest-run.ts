// (a) The feed-ingestor's own pipeline, in this process: one poll from an empty checkpoint through a
// backlog (scan back, read forward, de-duplicate against Postgres, encode, one sendBatch per page,
// checkpoint commit after each acknowledgement), with the app's classes wired as the app wires them.
import { FeedWalker, IqmetrixHttp, IqmetrixTransport, TokenManager } from '@dropship/iqmetrix-client';
import { KafkaAdmin } from '@dropship/messaging';
import { ConnectorConfig, HealthRegistry, MetricsRegistry } from '@dropship/platform';
import type { Kafka, Message } from 'kafkajs';
import { CheckpointStore } from '../../../apps/feed-ingestor/src/checkpoint/checkpoint.store';
import { ingestorSettings } from '../../../apps/feed-ingestor/src/config/ingestor-settings';
import { FeedPoll } from '../../../apps/feed-ingestor/src/ingest/feed-poll';
import { IngestMetrics } from '../../../apps/feed-ingestor/src/ingest/ingest.metrics';
import { PagePublisher } from '../../../apps/feed-ingestor/src/ingest/page-publisher';
import { LeaderSession } from '../../../apps/feed-ingestor/src/leadership/leader-session';
import type { EntryRecord } from '../../../apps/feed-ingestor/src/publishing/entry-records';
import { FeedPublisher } from '../../../apps/feed-ingestor/src/publishing/feed.publisher';
import { PublishingMetrics } from '../../../apps/feed-ingestor/src/publishing/publishing.metrics';

export interface IngestResult {
  entries: number;
  pages: number;
  seconds: number;
  /** CPU time of this process during the run (user + system). */
  cpuSeconds: number;
  /** What was sent, request by request, for the raw producer to send again. */
  batches: { topic: string; messages: Message[] }[][];
}

export interface IngestSetup {
  config: ConnectorConfig;
  kafka: Kafka;
  /** Contract topic → this run's topic, so the benchmark never writes the contract's topics. */
  topicOf: (topic: string) => string;
}

export async function runIngest({ config, kafka, topicOf }: IngestSetup): Promise<IngestResult> {
  const settings = ingestorSettings(config);
  const iqmetrix = config.iqmetrix as NonNullable<ConnectorConfig['iqmetrix']>;
  const transport = new IqmetrixTransport();
  const tokens = new TokenManager(iqmetrix, transport);
  const walker = new FeedWalker(new IqmetrixHttp(iqmetrix.dropshipUrl, tokens, transport), { supplierId: settings.supplierId, pageCacheBytes: settings.pageCacheBytes });
  const kafkaAdmin = new KafkaAdmin(kafka, new HealthRegistry());
  const producer = new FeedPublisher(kafka, kafkaAdmin, config);
  const batches: IngestResult['batches'] = [];
  const publisher = {
    send: async (records: EntryRecord[]) => {
      const moved = records.map((record) => ({ ...record, topic: topicOf(record.topic) }));
      batches.push(groupByTopic(moved));
      await producer.send(moved);
    },
  } as unknown as FeedPublisher;
  const metrics = new MetricsRegistry('feed-ingestor');
  const ingestMetrics = new IngestMetrics(metrics);
  const store = new CheckpointStore(settings.supplierId);
  const poll = new FeedPoll(walker, store, new PagePublisher(publisher, store, new PublishingMetrics(metrics), ingestMetrics), ingestMetrics, settings);
  const session = await LeaderSession.open({ databaseUrl: config.databaseUrl, lockName: 'bench', heartbeatMs: 5_000 });
  try {
    await session.tryLock();
    // Connections and the token are set up before the clock starts, as in a running service.
    await Promise.all([producer.connect(), tokens.getToken()]);
    const startedAt = performance.now();
    const cpuBefore = process.cpuUsage();
    const summary = await poll.run(session, new AbortController().signal);
    const seconds = (performance.now() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    return { entries: summary.published + summary.deadLetters, pages: summary.pages, seconds, cpuSeconds, batches };
  } finally {
    await session.close();
    await producer.onApplicationShutdown();
    await kafkaAdmin.onModuleDestroy();
    await transport.close();
  }
}

function groupByTopic(records: EntryRecord[]): { topic: string; messages: Message[] }[] {
  const groups = new Map<string, Message[]>();
  for (const record of records) {
    const messages = groups.get(record.topic) ?? [];
    messages.push(record.message);
    groups.set(record.topic, messages);
  }
  return [...groups].map(([topic, messages]) => ({ topic, messages }));
}
