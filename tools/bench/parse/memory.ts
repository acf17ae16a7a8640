// Child process of parse-bench.ts, run with --expose-gc: peak RSS growth while the streaming API
// reads one page of about 50 MB that is generated lazily (the page itself is never in memory).
// Prints one JSON line.
import { Readable } from 'node:stream';
import { parseFeedStream } from '../../../libs/iqmetrix-client/src/feed';
import { streamPage } from './corpus';

const PAGE_BYTES = Number(process.argv[2] ?? 50 * 1024 * 1024);
const SAMPLE_EVERY_ENTRIES = 50;

async function main(): Promise<void> {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with node --expose-gc');
  let bytes = 0;
  const chunks = Readable.from(
    (function* counted() {
      for (const chunk of streamPage(PAGE_BYTES)) {
        bytes += chunk.length;
        yield chunk;
      }
    })(),
  );
  collect();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 5);
  let entries = 0;
  const started = process.hrtime.bigint();
  await parseFeedStream(
    chunks,
    {
      onEntry: () => {
        entries += 1;
        if (entries % SAMPLE_EVERY_ENTRIES === 0) sample();
      },
      onIssue: (issue) => {
        throw new Error(`unexpected issue: ${issue.reason}`);
      },
    },
    { maxPageBytes: 2 * PAGE_BYTES },
  );
  sample();
  clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `${JSON.stringify({
      pageBytes: bytes,
      entries,
      seconds: Number(seconds.toFixed(2)),
      baselineRssMb: Number((baseline / 1048576).toFixed(1)),
      peakRssGrowthMb: Number(((peak - baseline) / 1048576).toFixed(1)),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
