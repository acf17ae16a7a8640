import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule } from '@dropship/messaging';
import { ConnectorConfig, DatabaseModule, PlatformModule } from '@dropship/platform';
import { orderRouterDatabase } from './database/order-router.database';

@Module({})
export class AppModule {
  static forRoot(config: ConnectorConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config), DatabaseModule.forRoot(orderRouterDatabase), KafkaModule.forRoot()],
    };
  }
}
