import type { EndToEndReport } from './run-end-to-end';

/** The closing table of a run, and the first violations when there are any. */
export function formatReport(report: EndToEndReport): string {
  const width = Math.max(...report.rows.map(([label]) => label.length));
  const lines = [
    '',
    `end-to-end run ${report.options.seed}: ${report.options.orders} orders, ${report.seconds} s`,
    ...report.rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
  ];
  const { violations } = report.verdict;
  if (violations.length) lines.push('', 'VIOLATIONS (first 30):', ...violations.slice(0, 30).map((v) => `  - ${v}`));
  lines.push('', violations.length ? 'e2e: FAILED' : 'e2e: PASSED', '');
  return lines.join('\n');
}
