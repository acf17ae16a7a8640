// Feed reader benchmark: `node -r @swc-node/register tools/bench/parse-bench.ts [entries] [iterations]`.
// (a) raw sax tokenizing the corpus with no-op handlers (strict, xmlns, strictEntities: the
// reader's settings), (b) the reader's streaming API over the same bytes, (c) peak RSS growth while
// the streaming API reads one ~50 MB page. (a)/(b) and (c) run in child processes: the children
// resolve the @dropship/* paths through tsconfig.base.json (the root has no tsconfig.json), and (c)
// needs --expose-gc and a clean heap for its baseline.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const RATIO_GOAL = 0.7;
const RSS_GOAL_MB = 64;
const repoRoot = join(__dirname, '..', '..');

interface Rate {
  medianCpuMs: number;
  medianWallMs: number;
  entriesPerSecond: number;
  mbPerSecond: number;
}
interface Throughput {
  entries: number;
  pageBytes: number;
  iterations: number;
  rawSax: Rate;
  feedReader: Rate;
  ratio: number;
  wallRatio: number;
}
interface Memory {
  pageBytes: number;
  entries: number;
  seconds: number;
  baselineRssMb: number;
  peakRssGrowthMb: number;
}

function runChild<T>(script: string, args: string[], nodeFlags: string[] = []): T {
  const result = spawnSync(
    process.execPath,
    [...nodeFlags, '-r', '@swc-node/register', join(__dirname, 'parse', script), ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, SWC_NODE_PROJECT: process.env['SWC_NODE_PROJECT'] ?? 'tsconfig.base.json' },
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`${script} failed (exit ${result.status}):\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

function row(cells: Array<string | number>): string {
  return cells.map((cell, index) => String(cell)[index === 0 ? 'padEnd' : 'padStart'](index === 0 ? 34 : 14)).join('');
}

function main(): void {
  const [entries = '10000', iterations = '7'] = process.argv.slice(2);
  const throughput = runChild<Throughput>('throughput.ts', [entries, iterations]);
  const memory = runChild<Memory>('memory.ts', [String(50 * 1024 * 1024)], ['--expose-gc']);
  const corpusMb = (throughput.pageBytes / 1048576).toFixed(1);
  console.log(`Feed reader benchmark: ${throughput.entries} entries (${corpusMb} MB), median of ${throughput.iterations} runs after warm-up`);
  console.log('Rates and the ratio use CPU time (steadier on a shared machine); wall time is shown beside it.');
  console.log(row(['', 'CPU ms', 'wall ms', 'entries/s', 'MB/s']));
  for (const [name, rate] of [['(a) raw sax, no-op handlers', throughput.rawSax], ['(b) feed reader (streaming)', throughput.feedReader]] as const) {
    console.log(row([name, rate.medianCpuMs, rate.medianWallMs, rate.entriesPerSecond, rate.mbPerSecond]));
  }
  const ratioVerdict = throughput.ratio >= RATIO_GOAL ? 'ok' : 'BELOW GOAL';
  console.log(row(['speed ratio (b)/(a)', throughput.ratio, throughput.wallRatio, `goal ≥${RATIO_GOAL}`, ratioVerdict]));
  const pageMb = (memory.pageBytes / 1048576).toFixed(1);
  const rssVerdict = memory.peakRssGrowthMb < RSS_GOAL_MB ? 'ok' : 'ABOVE GOAL';
  console.log(row([`(c) peak RSS growth, ${pageMb} MB page`, `${memory.peakRssGrowthMb} MB`, '', `goal <${RSS_GOAL_MB} MB`, rssVerdict]));
  console.log(JSON.stringify({ bench: 'parse', throughput, memory, goals: { ratio: RATIO_GOAL, rssGrowthMb: RSS_GOAL_MB } }));
}

main();
