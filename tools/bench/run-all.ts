// `npm run bench`: runs every benchmark, each printing its figures beside baselines measured in the
// same run, and writes bench/results/<date>.json and .md with the machine, versions and settings.
import { spawnSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { cpus, totalmem } from 'os';
import { join } from 'path';
import { BenchJson, BenchRow } from './report/bench-row';
import { markdownTable, summarize } from './report/summarize';

const repoRoot = join(__dirname, '..', '..');
const BENCHES = (process.env['BENCHES'] ?? 'parse,ingest,route,publish,latency').split(',');

function runBench(name: string): BenchJson | undefined {
  process.stdout.write(`\n=== bench:${name}\n`);
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, `${name}-bench.ts`)], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout);
  const line = result.stdout.split('\n').reverse().find((text) => text.startsWith('{"bench"'));
  if (result.status !== 0 || !line) {
    process.stdout.write(`bench:${name} failed (exit ${result.status})\n`);
    return undefined;
  }
  return JSON.parse(line) as BenchJson;
}

function environment(): Record<string, unknown> {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const kafkaPom = readFileSync(join(repoRoot, 'tools/kafka/pom.xml'), 'utf8');
  return {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) },
    versions: {
      node: process.version,
      kafka: /<kafka.version>([^<]+)</.exec(kafkaPom)?.[1] ?? /kafka_2.13<\/artifactId>\s*<version>([^<]+)</.exec(kafkaPom)?.[1],
      kafkajs: pkg.dependencies['kafkajs'],
      nestjs: pkg.dependencies['@nestjs/core'],
      typeorm: pkg.dependencies['typeorm'],
    },
    settings: { benches: BENCHES, topicPartitions: process.env['TOPIC_PARTITIONS'] ?? '6' },
  };
}

const results = BENCHES.map((name) => ({ name, json: runBench(name) }));
const rows: BenchRow[] = results.flatMap(({ json }) => (json ? summarize(json) : []));
const date = new Date().toISOString().slice(0, 10);
const outDir = join(repoRoot, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
const report = { date: new Date().toISOString(), ...environment(), rows, raw: results };
writeFileSync(join(outDir, `${date}.json`), `${JSON.stringify(report, null, 2)}\n`);
const table = markdownTable(rows);
writeFileSync(join(outDir, `${date}.md`), `# Benchmarks ${date}\n\n${table}\n`);
process.stdout.write(`\n${table}\n\nwritten: bench/results/${date}.json and .md\n`);
process.exitCode = results.every(({ json }) => json) ? 0 : 1;
