import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONNECTOR_CONFIG } from '../config/config.token';
import type { ConnectorConfig } from '../config/connector-config';
import { HealthRegistry } from '../health/health-registry';
import { dataSourceOptions, ServiceDatabase } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { migrateSchema } from './migrate';

class PostgresReadiness implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register('postgres', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }
}

/**
 * The service's TypeORM connection. Before anything else may use it, the database is created if
 * missing and the service's pending migrations are applied (contract: "A service applies its own
 * pending migrations when it starts").
 */
@Module({})
export class DatabaseModule {
  static forRoot(database: ServiceDatabase): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [CONNECTOR_CONFIG],
          useFactory: (config: ConnectorConfig) => dataSourceOptions(config.databaseUrl, config.service, database),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('DatabaseModule: no data source options');
            await ensureDatabase((options as { url: string }).url);
            const dataSource = await new DataSource(options).initialize();
            await migrateSchema(dataSource, database.schema);
            return dataSource;
          },
        }),
      ],
      providers: [
        { provide: PostgresReadiness, inject: [DataSource, HealthRegistry], useFactory: (ds: DataSource, h: HealthRegistry) => new PostgresReadiness(ds, h) },
      ],
      exports: [TypeOrmModule],
    };
  }
}
