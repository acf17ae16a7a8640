import { join } from 'node:path';
import { DynamicModule, Module, OnApplicationShutdown } from '@nestjs/common';
import { CONNECTOR_CONFIG, ConnectorConfig } from '@dropship/platform';
import { OrderLedger } from '../ledger/order-ledger';
import { PostgresOrderLedger } from '../ledger/postgres-order-ledger';
import { InlineOrderReader, OrderReader } from '../orders/order-reader';
import { WorkerOrderReader } from '../orders/worker-order-reader';
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

/** The reader thread's script, built beside main.js (tools/build/webpack.service.js). */
const READER_SCRIPT = join(__dirname, 'order-reader.worker.js');

function orderReader(settings: RouterSettings, matcher: RouteMatcher): OrderReader {
  if (settings.readerThreads === 0) return new InlineOrderReader({ matcher, supplierId: settings.supplierId });
  return new WorkerOrderReader(READER_SCRIPT, settings.readerThreads, { rules: settings.rules, supplierId: settings.supplierId });
}

/**
 * The router: reads the two iqmetrix.dropship.* topics in group `order-router`, de-duplicates
 * against the ledger, and publishes each batch's output with its offsets in one transaction.
 * Needs the global platform providers and a TypeORM DataSource; `kafka` is the app's KafkaModule
 * (the same module object, so that the app has one Kafka client).
 */
@Module({})
export class RouterModule implements OnApplicationShutdown {
  constructor(private readonly reader: OrderReader) {}

  /** After every onModuleDestroy: the consumer has finished its batches by then. */
  async onApplicationShutdown(): Promise<void> {
    await this.reader.close();
  }

  static forRoot(settings: RouterSettings, kafka: DynamicModule): DynamicModule {
    return {
      module: RouterModule,
      imports: [kafka],
      providers: [
        { provide: ROUTER_SETTINGS, useValue: settings },
        { provide: RouteMatcher, useFactory: () => new RouteMatcher(settings.rules) },
        { provide: OrderLedger, useClass: PostgresOrderLedger },
        { provide: OrderReader, inject: [RouteMatcher], useFactory: (matcher: RouteMatcher) => orderReader(settings, matcher) },
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
