import { DynamicModule, Module } from '@nestjs/common';
import { IqmetrixClientModule } from '@dropship/iqmetrix-client';
import { KafkaModule } from '@dropship/messaging';
import { ConnectorConfig, PlatformModule } from '@dropship/platform';
import type { IngestorSettings } from '../config/ingestor-settings';
import { publishingProviders } from '../publishing/publishing.providers';
import { ReplayRunner } from './replay-runner';

/** What `main.js replay` needs: no database, no poller, no HTTP server. */
@Module({})
export class ReplayCliModule {
  static forRoot(config: ConnectorConfig, settings: IngestorSettings): DynamicModule {
    return {
      module: ReplayCliModule,
      imports: [PlatformModule.forRoot(config), KafkaModule.forRoot(), IqmetrixClientModule.forRoot()],
      providers: [...publishingProviders(settings), ReplayRunner],
    };
  }
}
