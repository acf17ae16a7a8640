import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule, PlatformModule } from '@dropship/platform';
import { StatusPublisherConfig } from './config/publisher-settings';
import { statusPublisherDatabase } from './database/status-publisher.database';
import { PublisherModule } from './publisher.module';

@Module({})
export class AppModule {
  static forRoot(config: StatusPublisherConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config), DatabaseModule.forRoot(statusPublisherDatabase), PublisherModule.forRoot(config)],
    };
  }
}
