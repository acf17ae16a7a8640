import { existsSync } from 'fs';
import { join } from 'path';
import { optionsFromEnvironment } from './e2e-options';
import { runEndToEnd } from './run-end-to-end';
import { repoRoot } from './system-under-test';
import { formatReport } from './report';

// `npm run e2e`: the whole-system chaos run (E2E_* variables size it; see e2e-options.ts).
async function main(): Promise<void> {
  for (const file of ['dist/apps/order-router/main.js', 'dist/tools/iqmetrix-sandbox/main.js']) {
    if (!existsSync(join(repoRoot, file))) throw new Error(`${file} is missing: run "npm run build" first`);
  }
  const report = await runEndToEnd(optionsFromEnvironment(process.env));
  process.stdout.write(formatReport(report));
  process.exitCode = report.verdict.violations.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`e2e: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
