// `npm test`: every check a change must pass, in the order that fails fastest: type-check, lint,
// build (integration tests start the built services), unit tests, then integration tests against
// the real Kafka broker (started here when none answers at KAFKA_BROKERS) and Postgres.
// Ends with one line "tests: N passed, N failed" that CI reads.
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafka, portAnswers, repoRoot, run, step, stopKafka } from './lib.mjs';

const reportDir = join(repoRoot, 'tmp', 'test-reports');
const nxEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

async function main() {
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const checks = [
    ['type-check', () => run('npx', ['tsc', '-p', 'tsconfig.check.json'])],
    ['projects', () => run('npx', ['nx', 'show', 'projects'], { env: nxEnv })],
    // After `nx show projects`, so the project graph the boundary rule reads exists (on a fresh
    // clone the rule is otherwise skipped with only a warning).
    ['lint', () => run('npx', ['eslint', '--max-warnings=0', 'apps', 'libs', 'tools'])],
    ['build', () => run('npm', ['run', 'build'], { env: nxEnv })],
    ['unit tests', () => jest('jest.config.ts', 'unit')],
  ];
  for (const [title, check] of checks) {
    step(title);
    if ((await check()) !== 0) return finish(`${title} failed`);
  }
  return integrationTests();
}

async function integrationTests() {
  step('integration tests');
  if (!(await portAnswers(process.env.PGHOST_PORT ?? '127.0.0.1:5432'))) {
    return finish('PostgreSQL does not answer at 127.0.0.1:5432 (see README, Prerequisites)');
  }
  const startedKafka = await ensureKafka();
  try {
    const code = await jest('jest.int.config.ts', 'integration', ['--runInBand']);
    return finish(code === 0 ? undefined : 'integration tests failed');
  } finally {
    if (startedKafka) await stopKafka();
  }
}

function jest(config, name, extra = []) {
  const output = join(reportDir, `${name}.json`);
  return run('npx', ['jest', '-c', config, '--json', `--outputFile=${output}`, ...extra]);
}

function finish(failure) {
  const totals = ['unit', 'integration'].map(readTotals).reduce(
    (sum, t) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed }),
    { passed: 0, failed: 0 },
  );
  if (failure) process.stdout.write(`\nnpm test: ${failure}\n`);
  const failed = totals.failed + (failure && totals.failed === 0 ? 1 : 0);
  process.stdout.write(`\ntests: ${totals.passed} passed, ${failed} failed\n`);
  process.exitCode = failure ? 1 : 0;
}

function readTotals(name) {
  try {
    const report = JSON.parse(readFileSync(join(reportDir, `${name}.json`), 'utf8'));
    return { passed: report.numPassedTests, failed: report.numFailedTests };
  } catch {
    return { passed: 0, failed: 0 };
  }
}

await main();
