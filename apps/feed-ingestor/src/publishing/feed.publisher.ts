import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ensureTopics, KafkaAdmin, KeyPartitioner, produceRequests, topicsOf } from '@dropship/messaging';
import { CONNECTOR_CONFIG, describeError, type ConnectorConfig } from '@dropship/platform';
import { CompressionTypes, Kafka, Producer, TopicMessages } from 'kafkajs';
import type { EntryRecord } from './entry-records';

/**
 * The ingestor's one Kafka producer: idempotent, acks from all in-sync replicas, one request in
 * flight (kafkajs keeps idempotent ordering only then). `send` is one sendBatch for a whole page,
 * or more when its records for one partition would exceed what the broker takes in one record
 * batch (see produceRequests). The topics the service writes are created at start, or before the
 * first send if Kafka was away.
 */
@Injectable()
export class FeedPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FeedPublisher.name);
  private readonly producer: Producer;
  private ready?: Promise<void>;

  constructor(
    kafka: Kafka,
    private readonly kafkaAdmin: KafkaAdmin,
    @Inject(CONNECTOR_CONFIG) private readonly config: ConnectorConfig,
  ) {
    // The Java client's partitioner (murmur2 of the key): an order id lands on the same partition
    // whichever client writes it (KeyPartitioner computes kafkajs's DefaultPartitioner faster).
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: KeyPartitioner });
  }

  /**
   * Sends the records and resolves once every partition leader acknowledged them. When they take
   * more than one request and a later one fails, the earlier ones stay sent: the page is sent
   * again (the checkpoint has not moved), and consumers de-duplicate by event id.
   */
  async send(records: readonly EntryRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.connect();
    for (const topicMessages of produceRequests(byTopic(records))) {
      await this.producer.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
    }
  }

  /** Connects and creates the service's topics once; a failure is retried on the next call. */
  connect(): Promise<void> {
    this.ready ??= this.prepare().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  /** In the background: a broker still coming up must not stop the service from starting. */
  onApplicationBootstrap(): void {
    this.connect().catch((error: unknown) =>
      this.logger.warn({ msg: 'Kafka not ready at start; topics and producer are set up before the first send', ...describeError(error) }),
    );
  }

  /** Runs after every module's onModuleDestroy: the poller and replays have stopped sending by then. */
  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  private async prepare(): Promise<void> {
    await this.kafkaAdmin.admin.connect();
    const created = await ensureTopics(
      this.kafkaAdmin.admin,
      topicsOf('feed-ingestor').map((topic) => ({ topic })),
      this.config.topicPartitions,
    );
    if (created.length > 0) this.logger.log({ msg: 'topics created', topics: created, partitions: this.config.topicPartitions });
    await this.producer.connect();
  }
}

/** Records grouped by topic, each group in page order (oldest first). */
function byTopic(records: readonly EntryRecord[]): TopicMessages[] {
  const groups = new Map<string, TopicMessages>();
  for (const record of records) {
    let group = groups.get(record.topic);
    if (group === undefined) {
      group = { topic: record.topic, messages: [] };
      groups.set(record.topic, group);
    }
    group.messages.push(record.message);
  }
  return [...groups.values()];
}
