import { ConfigError, optionsFromEnvironment } from './env-config';
import { startSandbox } from './server';
import { createLogger } from './support/log';

/** `node dist/tools/iqmetrix-sandbox/main.js` (or via @swc-node/register): runs until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const options = optionsFromEnvironment(process.env, process.argv.slice(2));
  const logger = createLogger(options.logLevel ?? 'info', (line) => process.stdout.write(`${line}\n`));
  const sandbox = await startSandbox(options);
  logger.info('iqmetrix sandbox listening', {
    url: sandbox.url,
    supplierId: sandbox.supplierId,
    feed: sandbox.feedUrl,
    orders: sandbox.state.orders.size,
  });
  const stop = (signal: string): void => {
    logger.info('stopping', { signal });
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(`iqmetrix-sandbox: ${message}\n`);
  process.exit(1);
});
