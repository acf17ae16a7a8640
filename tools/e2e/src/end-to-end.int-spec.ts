import { uniqueName } from '@dropship/testing';
import { DEFAULT_OPTIONS } from './e2e-options';
import { formatReport } from './report';
import { runEndToEnd } from './run-end-to-end';

/**
 * The smaller end-to-end run that is part of npm test (`npm run e2e` is the full 2,000-order
 * run): 200 orders through every service, with replicas SIGKILLed, a broker restart and sandbox
 * faults. Postgres is left running here; the full run restarts it too.
 */
describe('the whole system under chaos (200 orders)', () => {
  it('receives every order once downstream and delivers every valid command to iQmetrix exactly right', async () => {
    // Given the system with faults, kills and a broker restart
    const report = await runEndToEnd({
      ...DEFAULT_OPTIONS,
      orders: 200,
      killIntervalMs: 6000,
      restartPostgres: false,
      timeoutMs: 6 * 60_000,
      seed: uniqueName('e2e'),
    });
    process.stdout.write(formatReport(report));
    // Then nothing was lost, duplicated, misordered or wrong at iQmetrix
    expect(report.verdict.violations).toEqual([]);
    expect(report.rows).toContainEqual(['orders received downstream exactly once', 200]);
  }, 12 * 60_000);
});
