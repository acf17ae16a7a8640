import { DynamicModule, Module } from '@nestjs/common';
import { CONNECTOR_CONFIG, ConnectorConfig } from '@dropship/platform';
import { OrderLedger } from '../ledger/order-ledger';
import { PostgresOrderLedger } from '../ledger/postgres-order-ledger';
import { RouteMatcher } from '../rules/route-matcher';
import { BatchRunner } from './batch-runner';
import { ConsumerState } from './consumer-state';
import { ConsumerSupport } from './consumer-support';
import { GroupOffsets } from './group-offsets';
import { OrderCreatedPlanner } from './order-created.planner';
import { OrderRouterConsumer } from './order-router.consumer';
import { PartitionSessions } from './partition-sessions';
import { Planners } from './planners';
import { ReceivedGate } from './received-gate';
import { RouterMetrics } from './router.metrics';
import { ROUTER_SETTINGS, RouterSettings } from './router-settings';
import { StatusUpdatedPlanner } from './status-updated.planner';
import { transactionalKafka } from './transactional-kafka';

/**
 * The router: reads the two iqmetrix.dropship.* topics in group `order-router`, de-duplicates
 * against the ledger, and publishes each batch's output with its offsets in one transaction.
 * Needs the global platform providers and a TypeORM DataSource; `kafka` is the app's KafkaModule
 * (the same module object, so that the app has one Kafka client).
 */
@Module({})
export class RouterModule {
  static forRoot(settings: RouterSettings, kafka: DynamicModule): DynamicModule {
    return {
      module: RouterModule,
      imports: [kafka],
      providers: [
        { provide: ROUTER_SETTINGS, useValue: settings },
        { provide: RouteMatcher, useFactory: () => new RouteMatcher(settings.rules) },
        { provide: OrderLedger, useClass: PostgresOrderLedger },
        GroupOffsets,
        ReceivedGate,
        OrderCreatedPlanner,
        StatusUpdatedPlanner,
        Planners,
        {
          provide: PartitionSessions,
          inject: [CONNECTOR_CONFIG, GroupOffsets],
          useFactory: (config: ConnectorConfig, offsets: GroupOffsets) => new PartitionSessions(transactionalKafka(config), offsets),
        },
        ConsumerState,
        ConsumerSupport,
        RouterMetrics,
        BatchRunner,
        OrderRouterConsumer,
      ],
    };
  }
}
