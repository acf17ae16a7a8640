import type { DataSourceOptions } from 'typeorm';

/** What a service contributes: its own schema, entities and migrations (never shared). */
export interface ServiceDatabase {
  schema: string;
  // TypeORM takes entity and migration classes; their constructors have no common signature.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

export function dataSourceOptions(url: string, service: string, database: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: database.schema,
    entities: database.entities,
    migrations: database.migrations,
    migrationsTableName: 'migrations',
    // Schema changes go through migrations only (style §12).
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: service,
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
