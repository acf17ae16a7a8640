import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule } from '@dropship/messaging';
import { ConnectorConfig, DatabaseModule, PlatformModule } from '@dropship/platform';
import { orderRouterDatabase } from './database/order-router.database';
import { RouterModule } from './router/router.module';
import type { RouterSettings } from './router/router-settings';

@Module({})
export class AppModule {
  static forRoot(config: ConnectorConfig, settings: RouterSettings): DynamicModule {
    const kafka = KafkaModule.forRoot();
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config),
        DatabaseModule.forRoot(orderRouterDatabase),
        kafka,
        RouterModule.forRoot(settings, kafka),
      ],
    };
  }
}
