import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DynamicModule, Module } from '@nestjs/common';
import { IqmetrixClientModule } from '@dropship/iqmetrix-client';
import { KafkaModule } from '@dropship/messaging';
import { OutboxAdminController } from './admin/outbox-admin.controller';
import { OutboxAdminRepository } from './admin/outbox-admin.repository';
import { StatusPublisherConfig } from './config/publisher-settings';
import { PUBLISHER_CONFIG, PUBLISHER_TOPICS, REPLICA_ID } from './config/publisher.tokens';
import { databaseProviders } from './database/database.providers';
import { intakeProviders } from './kafka/intake.providers';
import { publisherTopics } from './kafka/publisher-topics';
import { maintenanceProviders } from './maintenance/maintenance.providers';
import { relayProviders } from './relay/relay.providers';
import { resultsProviders } from './results/results.providers';

/**
 * The publisher's features, each listing its providers in `<feature>.providers.ts`: the order view
 * and command intake (Kafka in), the relay (PUTs out), results (Kafka out), housekeeping and the
 * admin API. One Nest module, so that Kafka and the iQmetrix client are configured exactly once.
 */
@Module({})
export class PublisherModule {
  static forRoot(config: StatusPublisherConfig): DynamicModule {
    return {
      module: PublisherModule,
      imports: [
        KafkaModule.forRoot(),
        IqmetrixClientModule.forRoot({ transport: { connections: config.publisher.relayConcurrency } }),
      ],
      controllers: [OutboxAdminController],
      providers: [
        { provide: PUBLISHER_CONFIG, useValue: config },
        { provide: PUBLISHER_TOPICS, useValue: publisherTopics(config.publisher.topicPrefix) },
        { provide: REPLICA_ID, useValue: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}` },
        { provide: OutboxAdminRepository, useFactory: () => new OutboxAdminRepository() },
        ...databaseProviders,
        ...intakeProviders,
        ...relayProviders,
        ...resultsProviders,
        ...maintenanceProviders,
      ],
    };
  }
}
