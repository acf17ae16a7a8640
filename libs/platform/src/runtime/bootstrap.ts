import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ConfigError } from '../config/config.errors';
import type { ConnectorConfig, ServiceName } from '../config/connector-config';
import { dataSourceOptions, ServiceDatabase } from '../database/data-source-options';
import { ensureDatabase } from '../database/ensure-database';
import { migrateSchema } from '../database/migrate';

export interface ServiceDefinition {
  service: ServiceName;
  /** Reads and validates the configuration (the app's config/ module owns process.env). */
  loadConfig: () => ConnectorConfig;
  appModule: (config: ConnectorConfig) => DynamicModule;
  database: ServiceDatabase;
  /**
   * More one-shot preparation for `main.js migrate` after the migrations, such as creating the
   * service's Kafka topics (compose's setup step runs it before the services start).
   */
  prepare?: (config: ConnectorConfig) => Promise<void>;
  /**
   * More CLI commands (`main.js <name> [args…]`), e.g. admin operations; each resolves with the
   * process exit code. `serve` and `migrate` cannot be replaced.
   */
  commands?: Record<string, ServiceCommand>;
}

/** A CLI command of a service: the validated configuration and the arguments after its name. */
export type ServiceCommand = (config: ConnectorConfig, args: string[]) => Promise<number>;

/**
 * Entry point of every service: `main.js` serves; `main.js migrate` applies the service's pending
 * migrations and exits (what compose's one-shot step and `npm start` run). A bad configuration
 * ends the process with exit code 1 and one line naming the variable.
 */
export async function runService(definition: ServiceDefinition, argv: string[]): Promise<void> {
  const config = loadOrExplain(definition);
  if (!config) return;
  const command = argv[0] ?? 'serve';
  if (command === 'serve') {
    await serve(definition, config);
  } else if (command === 'migrate') {
    await migrateOnly(definition, config);
  } else if (definition.commands !== undefined && Object.hasOwn(definition.commands, command)) {
    process.exitCode = await definition.commands[command](config, argv.slice(1));
  } else {
    const known = ['serve', 'migrate', ...Object.keys(definition.commands ?? {})].join(', ');
    process.stderr.write(`${definition.service}: unknown command "${command}" (expected one of ${known})\n`);
    process.exitCode = 2;
  }
}

function loadOrExplain(definition: ServiceDefinition): ConnectorConfig | undefined {
  try {
    return definition.loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${definition.service}: invalid configuration: ${error.message}\n`);
    process.exitCode = 1;
    return undefined;
  }
}

async function serve(definition: ServiceDefinition, config: ConnectorConfig): Promise<INestApplication> {
  const app = await NestFactory.create(definition.appModule(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  closeOnSignals(app, logger);
  await app.listen(config.httpPort);
  logger.log(`${definition.service} listening on port ${config.httpPort}`, 'Bootstrap');
  return app;
}

const SHUTDOWN_GRACE_MS = 25_000;

/**
 * Instead of Nest's enableShutdownHooks (which re-raises the signal, so a clean stop looks like
 * a crash to supervisors): the first SIGTERM/SIGINT closes the app (consumers, producers, pools
 * flush through their shutdown hooks) and exits 0; a second signal or the grace period forces exit.
 */
function closeOnSignals(app: INestApplication, logger: Logger): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) process.exit(130);
    closing = true;
    logger.log(`${signal} received, shutting down`, 'Bootstrap');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed', 'Bootstrap');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function migrateOnly(definition: ServiceDefinition, config: ConnectorConfig): Promise<void> {
  await ensureDatabase(config.databaseUrl);
  const options = dataSourceOptions(config.databaseUrl, definition.service, definition.database);
  const dataSource = await new DataSource(options).initialize();
  try {
    const applied = await migrateSchema(dataSource, definition.database.schema);
    await definition.prepare?.(config);
    process.stdout.write(
      `${JSON.stringify({ level: 'info', service: definition.service, msg: 'migrations applied', applied })}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}
