import { Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { MetricsRegistry } from '@dropship/platform';
import { CommandDecider } from '../commands/command-decider';
import { CommandLedgerRepository } from '../commands/command-ledger.repository';
import { HeldCommandsRepository } from '../commands/held-commands.repository';
import { StatusPublisherConfig } from '../config/publisher-settings';
import { PUBLISHER_CONFIG } from '../config/publisher.tokens';
import { PublisherMetrics } from '../maintenance/publisher-metrics';
import { OrderViewRepository } from '../orders/order-view.repository';
import { OutboxRepository } from '../outbox/outbox.repository';
import { ResultOutboxRepository } from '../results/result-outbox.repository';
import { ChangeNotifier } from './change-notifier';
import { PgListener } from './pg-listener';
import { PublisherDb } from './publisher-db';

// Connections beyond the PUT slots: the consumer's partitions, claims, results, housekeeping.
const EXTRA_CONNECTIONS = 8;

/** Closes the pool and the listener after every worker stopped (their hooks run in onModuleDestroy). */
@Injectable()
export class DatabaseShutdown implements OnApplicationShutdown {
  constructor(
    private readonly db: PublisherDb,
    private readonly listener: PgListener,
    private readonly notifier: ChangeNotifier,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.notifier.flush();
    await this.listener.stop();
    await this.db.close();
  }
}

export const databaseProviders: Provider[] = [
  {
    provide: PublisherDb,
    inject: [PUBLISHER_CONFIG],
    useFactory: (config: StatusPublisherConfig) =>
      new PublisherDb(config.databaseUrl, Math.min(config.publisher.relayConcurrency, 32) + EXTRA_CONNECTIONS),
  },
  { provide: PgListener, inject: [PUBLISHER_CONFIG], useFactory: (config: StatusPublisherConfig) => new PgListener(config.databaseUrl) },
  {
    provide: ChangeNotifier,
    inject: [PublisherDb, PgListener],
    useFactory: (db: PublisherDb, listener: PgListener) => new ChangeNotifier(db, listener),
  },
  { provide: PublisherMetrics, inject: [MetricsRegistry], useFactory: (registry: MetricsRegistry) => new PublisherMetrics(registry) },
  {
    provide: OutboxRepository,
    inject: [PUBLISHER_CONFIG],
    useFactory: (config: StatusPublisherConfig) => new OutboxRepository(config.iqmetrix?.supplierId ?? ''),
  },
  { provide: ResultOutboxRepository, useFactory: () => new ResultOutboxRepository() },
  { provide: OrderViewRepository, useFactory: () => new OrderViewRepository() },
  { provide: CommandLedgerRepository, useFactory: () => new CommandLedgerRepository() },
  { provide: HeldCommandsRepository, useFactory: () => new HeldCommandsRepository() },
  {
    provide: CommandDecider,
    inject: [CommandLedgerRepository, OrderViewRepository, OutboxRepository, ResultOutboxRepository, HeldCommandsRepository],
    useFactory: (...deps: ConstructorParameters<typeof CommandDecider>) => new CommandDecider(...deps),
  },
  DatabaseShutdown,
];

