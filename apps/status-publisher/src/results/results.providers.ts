import { Injectable, OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { PUBLISHER_CONFIG, PUBLISHER_TOPICS } from '../config/publisher.tokens';
import { StatusPublisherConfig } from '../config/publisher-settings';
import { PgListener } from '../database/pg-listener';
import { PublisherDb } from '../database/publisher-db';
import { CHANNELS } from '../database/tables';
import { PublisherTopics } from '../kafka/publisher-topics';
import { PublisherMetrics } from '../maintenance/publisher-metrics';
import { ResultOutboxRepository } from './result-outbox.repository';
import { ResultsPublisher } from './results.publisher';

/** Starts the results publisher and the database listener every worker relies on. */
@Injectable()
export class ResultsLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly publisher: ResultsPublisher,
    private readonly listener: PgListener,
  ) {}

  onApplicationBootstrap(): void {
    this.listener.on(CHANNELS.results, () => this.publisher.wake());
    this.publisher.start();
    // Last: every handler is registered before the first LISTEN.
    this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.publisher.stop();
  }
}

export const resultsProviders: Provider[] = [
  {
    provide: ResultsPublisher,
    inject: [Kafka, PublisherDb, PgListener, ResultOutboxRepository, PublisherMetrics, PUBLISHER_CONFIG, PUBLISHER_TOPICS],
    useFactory: (kafka: Kafka, db: PublisherDb, listener: PgListener, results: ResultOutboxRepository, metrics: PublisherMetrics, config: StatusPublisherConfig, topics: PublisherTopics) =>
      new ResultsPublisher(kafka, db, listener, results, {
        metrics,
        settings: {
          topic: topics.results,
          transactionalId: topics.transactionalId,
          pollIntervalMs: config.publisher.relayPollIntervalMs,
          leaderKey: `status-publisher:results:${topics.results}`,
        },
      }),
  },
  ResultsLifecycle,
];
