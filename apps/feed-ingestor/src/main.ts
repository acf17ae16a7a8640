import 'reflect-metadata';
import { runService } from '@dropship/platform';
import { AppModule } from './app.module';
import { loadFeedIngestorConfig } from './config/feed-ingestor.config';
import { feedIngestorDatabase } from './database/feed-ingestor.database';

void runService(
  {
    service: 'feed-ingestor',
    loadConfig: loadFeedIngestorConfig,
    appModule: (config) => AppModule.forRoot(config),
    database: feedIngestorDatabase,
  },
  process.argv.slice(2),
).catch((error: unknown) => {
  process.stderr.write(`feed-ingestor: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
