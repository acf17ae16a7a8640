import { Injectable, OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';
import { PUBLISHER_CONFIG } from '../config/publisher.tokens';
import { StatusPublisherConfig } from '../config/publisher-settings';
import { PublisherDb } from '../database/publisher-db';
import { MaintenanceService } from './maintenance.service';
import { PublisherMetrics } from './publisher-metrics';
import { RetentionRepository } from './retention.repository';

const RETENTION_INTERVAL_MS = 60_000;
const METRICS_INTERVAL_MS = 5_000;

@Injectable()
export class MaintenanceLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly maintenance: MaintenanceService) {}

  onApplicationBootstrap(): void {
    this.maintenance.start();
  }

  onModuleDestroy(): void {
    this.maintenance.stop();
  }
}

export const maintenanceProviders: Provider[] = [
  { provide: RetentionRepository, useFactory: () => new RetentionRepository() },
  {
    provide: MaintenanceService,
    inject: [PublisherDb, RetentionRepository, PublisherMetrics, PUBLISHER_CONFIG],
    useFactory: (db: PublisherDb, retention: RetentionRepository, metrics: PublisherMetrics, config: StatusPublisherConfig) =>
      new MaintenanceService(db, retention, metrics, {
        retentionHours: config.publisher.retentionHours,
        retentionIntervalMs: RETENTION_INTERVAL_MS,
        metricsIntervalMs: METRICS_INTERVAL_MS,
      }),
  },
  MaintenanceLifecycle,
];
