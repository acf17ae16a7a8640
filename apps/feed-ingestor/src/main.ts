import 'reflect-metadata';
import { createServiceTopics } from '@dropship/messaging';
import { runService } from '@dropship/platform';
import { AppModule } from './app.module';
import { ingestorSettings } from './config/ingestor-settings';
import { loadFeedIngestorConfig } from './config/feed-ingestor.config';
import { feedIngestorDatabase } from './database/feed-ingestor.database';
import { replayCommand } from './replay/replay.command';

void runService(
  {
    service: 'feed-ingestor',
    loadConfig: loadFeedIngestorConfig,
    appModule: (config) => AppModule.forRoot(config, ingestorSettings(config)),
    database: feedIngestorDatabase,
    prepare: async (config) => void (await createServiceTopics(config)),
    commands: { replay: replayCommand },
  },
  process.argv.slice(2),
).catch((error: unknown) => {
  process.stderr.write(`feed-ingestor: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
