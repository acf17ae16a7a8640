import 'reflect-metadata';
import { runService } from '@dropship/platform';
import { outboxCli } from './admin/outbox.cli';
import { AppModule } from './app.module';
import { loadStatusPublisherConfig } from './config/status-publisher.config';
import { statusPublisherDatabase } from './database/status-publisher.database';
import { ensurePublisherTopics } from './kafka/publisher-topics.setup';

void runService(
  {
    service: 'status-publisher',
    // Both return the same once-loaded configuration, with the publisher's own settings.
    loadConfig: loadStatusPublisherConfig,
    appModule: () => AppModule.forRoot(loadStatusPublisherConfig()),
    database: statusPublisherDatabase,
    prepare: async () => void (await ensurePublisherTopics(loadStatusPublisherConfig())),
    commands: { outbox: (config, args) => outboxCli(config.databaseUrl, args) },
  },
  process.argv.slice(2),
).catch((error: unknown) => {
  process.stderr.write(`status-publisher: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
