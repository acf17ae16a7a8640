import { DynamicModule, Module } from '@nestjs/common';
import { IqmetrixClientModule } from '@dropship/iqmetrix-client';
import { KafkaModule } from '@dropship/messaging';
import { CONNECTOR_CONFIG, type ConnectorConfig } from '@dropship/platform';
import { CheckpointStore } from '../checkpoint/checkpoint.store';
import type { IngestorSettings } from '../config/ingestor-settings';
import { LeaderElection } from '../leadership/leader-election';
import { publishingProviders } from '../publishing/publishing.providers';
import { ReplayController } from '../replay/replay.controller';
import { ReplayJobs } from '../replay/replay-jobs';
import { ReplayRunner } from '../replay/replay-runner';
import { FeedHealth } from './feed-health';
import { FeedPoll } from './feed-poll';
import { FeedPoller } from './feed-poller.service';
import { IngestMetrics } from './ingest.metrics';
import { PagePublisher } from './page-publisher';

/** The feed poller (leader election, checkpoint, publishing) and the replay admin endpoint. */
@Module({})
export class IngestModule {
  static forRoot(settings: IngestorSettings): DynamicModule {
    return {
      module: IngestModule,
      // KafkaModule.forRoot() is the same module instance as the AppModule's (Nest dedupes equal dynamic modules).
      imports: [IqmetrixClientModule.forRoot(), KafkaModule.forRoot()],
      controllers: [ReplayController],
      providers: [
        ...publishingProviders(settings),
        { provide: CheckpointStore, useFactory: () => new CheckpointStore(settings.supplierId) },
        {
          provide: LeaderElection,
          inject: [CONNECTOR_CONFIG],
          useFactory: (config: ConnectorConfig) =>
            new LeaderElection({
              databaseUrl: config.databaseUrl,
              // One leader per supplier feed, whatever else shares the database.
              lockName: `dropship-connector:feed-ingestor:leader:${settings.supplierId}`,
              retryMs: settings.leaderRetryMs,
              heartbeatMs: settings.heartbeatMs,
            }),
        },
        IngestMetrics,
        FeedHealth,
        PagePublisher,
        FeedPoll,
        FeedPoller,
        ReplayRunner,
        ReplayJobs,
      ],
    };
  }
}
