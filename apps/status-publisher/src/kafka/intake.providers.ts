import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { ensureTopics, KafkaAdmin } from '@dropship/messaging';
import { HealthRegistry } from '@dropship/platform';
import { CommandDecider } from '../commands/command-decider';
import { CommandLedgerRepository } from '../commands/command-ledger.repository';
import { CommandService } from '../commands/command.service';
import { HeldCommandSweeper } from '../commands/held-command.sweeper';
import { HeldCommandsRepository } from '../commands/held-commands.repository';
import { kafkaOrderStreamOffsets, OrderStreamProgress } from '../commands/order-stream-progress';
import { StatusPublisherConfig } from '../config/publisher-settings';
import { PUBLISHER_CONFIG, PUBLISHER_TOPICS } from '../config/publisher.tokens';
import { ChangeNotifier } from '../database/change-notifier';
import { PublisherDb } from '../database/publisher-db';
import { PublisherMetrics } from '../maintenance/publisher-metrics';
import { OrderEventsService } from '../orders/order-events.service';
import { OrderViewRepository } from '../orders/order-view.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import { PublisherConsumer } from './publisher.consumer';
import { publisherTopics, PublisherTopics } from './publisher-topics';

// Partitions handled at once: each holds one Postgres connection while its record is handled.
const PARTITIONS_AT_ONCE = 6;

/** Starts the consumer (after creating the topics) and the held-command sweeper; stops them first on shutdown. */
@Injectable()
export class IntakeLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly consumer: PublisherConsumer,
    private readonly sweeper: HeldCommandSweeper,
    private readonly kafkaAdmin: KafkaAdmin,
    private readonly health: HealthRegistry,
    @Inject(PUBLISHER_CONFIG) private readonly config: StatusPublisherConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.health.register('consumer', () => this.consumer.check());
    const { commands, orders, results } = publisherTopics(this.config.publisher.topicPrefix);
    const topics = [commands, orders, results].map((topic) => ({ topic }));
    this.consumer.start(async () => {
      await this.kafkaAdmin.admin.connect();
      await ensureTopics(this.kafkaAdmin.admin, topics, this.config.topicPartitions);
    });
    this.sweeper.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
    await this.sweeper.stop();
  }
}

export const intakeProviders: Provider[] = [
  {
    provide: CommandService,
    inject: [PublisherDb, ChangeNotifier, CommandLedgerRepository, OrderViewRepository, HeldCommandsRepository, CommandDecider, PublisherMetrics, PUBLISHER_CONFIG],
    useFactory: (db: PublisherDb, notifier: ChangeNotifier, ledger: CommandLedgerRepository, orders: OrderViewRepository, held: HeldCommandsRepository, decider: CommandDecider, metrics: PublisherMetrics, config: StatusPublisherConfig) =>
      new CommandService({ db, notifier, ledger, orders, held, decider }, metrics, config.publisher.commandOrderWaitMs),
  },
  {
    provide: OrderEventsService,
    inject: [PublisherDb, ChangeNotifier, OrderViewRepository, OutboxRepository, CommandDecider, PublisherMetrics, PUBLISHER_CONFIG],
    useFactory: (db: PublisherDb, notifier: ChangeNotifier, orders: OrderViewRepository, outbox: OutboxRepository, decider: CommandDecider, metrics: PublisherMetrics, config: StatusPublisherConfig) =>
      new OrderEventsService({ db, notifier, orders, outbox, decider }, metrics, config.autoAcknowledge),
  },
  {
    provide: HeldCommandSweeper,
    inject: [PublisherDb, ChangeNotifier, HeldCommandsRepository, OrderViewRepository, CommandDecider, PublisherMetrics, KafkaAdmin, PUBLISHER_TOPICS, PUBLISHER_CONFIG],
    useFactory: (
      db: PublisherDb,
      notifier: ChangeNotifier,
      held: HeldCommandsRepository,
      orders: OrderViewRepository,
      decider: CommandDecider,
      metrics: PublisherMetrics,
      kafkaAdmin: KafkaAdmin,
      topics: PublisherTopics,
      config: StatusPublisherConfig,
    ) => {
      const offsets = kafkaOrderStreamOffsets(kafkaAdmin.admin, topics.orders, topics.groupId);
      const progress = new OrderStreamProgress(offsets, () => db.now());
      return new HeldCommandSweeper(db, { held, orders, decider, notifier, progress }, metrics, config.publisher.commandOrderWaitMs);
    },
  },
  {
    provide: PublisherConsumer,
    inject: [Kafka, PUBLISHER_TOPICS, CommandService, OrderEventsService, PUBLISHER_CONFIG],
    useFactory: (kafka: Kafka, topics: PublisherTopics, commands: CommandService, orders: OrderEventsService, config: StatusPublisherConfig) =>
      new PublisherConsumer(kafka, topics, { commands, orders }, { concurrency: PARTITIONS_AT_ONCE, sessionTimeoutMs: config.publisher.kafkaSessionTimeoutMs }),
  },
  IntakeLifecycle,
];
