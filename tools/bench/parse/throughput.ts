// Child process of parse-bench.ts: (a) raw sax over the corpus with no-op handlers, (b) the feed
// reader's streaming API over the same bytes, alternated, after a warm-up. Prints one JSON line.
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import * as sax from 'sax';
import { parseFeedStream } from '../../../libs/iqmetrix-client/src/feed';
import { buildPage } from './corpus';

const ENTRIES = Number(process.argv[2] ?? 10_000);
const ITERATIONS = Number(process.argv[3] ?? 7);
const WARM_UPS = 2;
const CHUNK_BYTES = 64 * 1024;
// The corpus is one big page (10,000 entries, far beyond the feed's 50), so the page limit is raised.
const OPTIONS = { maxPageBytes: 256 * 1024 * 1024 };

function chunksOf(page: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < page.length; offset += CHUNK_BYTES) {
    chunks.push(page.subarray(offset, offset + CHUNK_BYTES));
  }
  return chunks;
}

const noop = (): void => undefined;

/** The baseline: same parser settings, same decoding, handlers that do nothing. */
async function rawSax(chunks: Buffer[]): Promise<number> {
  const parser = sax.parser(true, { xmlns: true, position: true, strictEntities: true } as sax.SAXOptions);
  let entries = 0;
  parser.onopentag = noop;
  parser.ontext = noop;
  parser.oncdata = noop;
  parser.onclosetag = (name) => {
    if (name === 'entry') entries += 1;
  };
  parser.onerror = (error) => {
    throw error;
  };
  const decoder = new StringDecoder('utf8');
  for await (const chunk of Readable.from(chunks)) parser.write(decoder.write(chunk as Buffer));
  parser.write(decoder.end()).close();
  return entries;
}

async function feedReader(chunks: Buffer[]): Promise<number> {
  let entries = 0;
  await parseFeedStream(Readable.from(chunks), {
    onEntry: () => void (entries += 1),
    onIssue: (issue) => {
      throw new Error(`unexpected issue: ${issue.reason}`);
    },
  }, OPTIONS);
  return entries;
}

interface Timing {
  /** Wall-clock time. */
  ms: number;
  /** CPU time of this process (user + system): less disturbed by other work on a shared machine. */
  cpuMs: number;
  entries: number;
}

async function timed(run: () => Promise<number>): Promise<Timing> {
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const entries = await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, entries };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const page = buildPage(ENTRIES);
  const chunks = chunksOf(page);
  const samples = { rawSax: [] as Timing[], feedReader: [] as Timing[] };
  for (let round = 0; round < WARM_UPS + ITERATIONS; round += 1) {
    const raw = await timed(() => rawSax(chunks));
    const ours = await timed(() => feedReader(chunks));
    if (raw.entries !== ENTRIES || ours.entries !== ENTRIES) {
      throw new Error(`entry counts differ: sax ${raw.entries}, reader ${ours.entries}, expected ${ENTRIES}`);
    }
    if (round >= WARM_UPS) {
      samples.rawSax.push(raw);
      samples.feedReader.push(ours);
    }
  }
  const megabytes = page.length / (1024 * 1024);
  // Rates use the median CPU time; the wall-clock median is reported beside it.
  const rate = (timings: Timing[]) => {
    const cpuMs = median(timings.map((timing) => timing.cpuMs));
    return {
      medianCpuMs: Number(cpuMs.toFixed(1)),
      medianWallMs: Number(median(timings.map((timing) => timing.ms)).toFixed(1)),
      entriesPerSecond: Math.round(ENTRIES / (cpuMs / 1000)),
      mbPerSecond: Number((megabytes / (cpuMs / 1000)).toFixed(2)),
    };
  };
  const raw = rate(samples.rawSax);
  const ours = rate(samples.feedReader);
  process.stdout.write(
    `${JSON.stringify({
      entries: ENTRIES,
      pageBytes: page.length,
      iterations: ITERATIONS,
      rawSax: raw,
      feedReader: ours,
      ratio: Number((raw.medianCpuMs / ours.medianCpuMs).toFixed(3)),
      wallRatio: Number((raw.medianWallMs / ours.medianWallMs).toFixed(3)),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
