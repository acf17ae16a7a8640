import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CONNECTOR_CONFIG } from './config/config.token';
import type { ConnectorConfig } from './config/connector-config';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import { loggerParams } from './logging/logger-options';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsRegistry } from './metrics/metrics-registry';

/**
 * What every service has: its validated configuration, the JSON logger, /health and /metrics.
 * Global because config and logging are needed everywhere (style §5 allows exactly these).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: ConnectorConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [LoggerModule.forRoot(loggerParams(config.service, config.logLevel))],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: CONNECTOR_CONFIG, useValue: config },
        HealthRegistry,
        { provide: MetricsRegistry, useFactory: () => new MetricsRegistry(config.service) },
      ],
      exports: [CONNECTOR_CONFIG, HealthRegistry, MetricsRegistry],
    };
  }
}
