import 'reflect-metadata';
import { runService } from '@dropship/platform';
import { AppModule } from './app.module';
import { loadStatusPublisherConfig } from './config/status-publisher.config';
import { statusPublisherDatabase } from './database/status-publisher.database';

void runService(
  {
    service: 'status-publisher',
    loadConfig: loadStatusPublisherConfig,
    appModule: (config) => AppModule.forRoot(config),
    database: statusPublisherDatabase,
  },
  process.argv.slice(2),
).catch((error: unknown) => {
  process.stderr.write(`status-publisher: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
