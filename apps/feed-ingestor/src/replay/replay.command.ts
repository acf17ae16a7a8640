import { NestFactory } from '@nestjs/core';
import { describeError, type ConnectorConfig } from '@dropship/platform';
import { Logger } from 'nestjs-pino';
import { ingestorSettings } from '../config/ingestor-settings';
import { InvalidReplayRequestError, parseSince } from './replay.errors';
import { ReplayCliModule } from './replay-cli.module';
import { ReplayRunner } from './replay-runner';

const USAGE = 'usage: main.js replay --since <ISO 8601 time>';

/**
 * `node dist/apps/feed-ingestor/main.js replay --since <ISO>`: re-publishes every feed entry since
 * that time, logging progress per page, then exits 0 (done), 1 (failed) or 2 (bad arguments).
 * It never touches the checkpoint, so it can run beside the service.
 */
export async function replayCommand(config: ConnectorConfig, args: string[]): Promise<number> {
  let since: Date;
  try {
    since = parseSince(sinceArgument(args));
  } catch (error) {
    if (!(error instanceof InvalidReplayRequestError)) throw error;
    process.stderr.write(`feed-ingestor: replay: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const app = await NestFactory.createApplicationContext(ReplayCliModule.forRoot(config, ingestorSettings(config)), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    logger.log({ msg: 'replay started', since: since.toISOString() }, 'Replay');
    const progress = await app.get(ReplayRunner).run(since, {
      signal: stop.signal,
      onProgress: (update) => logger.log({ msg: 'replay progress', ...update }, 'Replay'),
    });
    logger.log({ msg: 'replay finished', ...progress }, 'Replay');
    return 0;
  } catch (error) {
    logger.error({ msg: 'replay failed', ...describeError(error) }, 'Replay');
    return 1;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await app.close();
  }
}

function sinceArgument(args: string[]): string | undefined {
  const index = args.findIndex((arg) => arg === '--since' || arg.startsWith('--since='));
  if (index < 0) return undefined;
  const arg = args[index];
  return arg === '--since' ? args[index + 1] : arg.slice('--since='.length);
}
