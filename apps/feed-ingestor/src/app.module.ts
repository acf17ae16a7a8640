import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule } from '@dropship/messaging';
import { ConnectorConfig, DatabaseModule, PlatformModule } from '@dropship/platform';
import type { IngestorSettings } from './config/ingestor-settings';
import { feedIngestorDatabase } from './database/feed-ingestor.database';
import { IngestModule } from './ingest/ingest.module';

@Module({})
export class AppModule {
  static forRoot(config: ConnectorConfig, settings: IngestorSettings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config),
        DatabaseModule.forRoot(feedIngestorDatabase),
        KafkaModule.forRoot(),
        IngestModule.forRoot(settings),
      ],
    };
  }
}
