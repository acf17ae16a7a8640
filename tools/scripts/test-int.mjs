// `npm run test:int`: only the integration tests, starting the local broker when none answers.
import { ensureKafka, run, stopKafka } from './lib.mjs';

const startedKafka = await ensureKafka();
try {
  process.exitCode = await run('npx', ['jest', '-c', 'jest.int.config.ts', '--runInBand', ...process.argv.slice(2)]);
} finally {
  if (startedKafka) await stopKafka();
}
