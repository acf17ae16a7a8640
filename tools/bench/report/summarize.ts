import { BenchJson, BenchRow, round } from './bench-row';

type Summarizer = (json: BenchJson) => BenchRow[];

/** The parse bench's JSON line (tools/bench/parse-bench.ts) as report rows. */
function parseRows(json: BenchJson): BenchRow[] {
  const throughput = json['throughput'] as { rawSax: { entriesPerSecond: number; mbPerSecond: number }; feedReader: { entriesPerSecond: number; mbPerSecond: number }; ratio: number };
  const memory = json['memory'] as { peakRssGrowthMb: number };
  return [
    {
      bench: 'parse',
      figure: 'feed reader throughput',
      value: round(throughput.feedReader.entriesPerSecond, 0),
      unit: 'entries/s',
      baseline: 'raw sax tokenization',
      baselineValue: round(throughput.rawSax.entriesPerSecond, 0),
      ratio: round(throughput.ratio),
      goal: '≥ 0.7',
      met: throughput.ratio >= 0.7,
    },
    {
      bench: 'parse',
      figure: 'peak RSS growth, one 50 MB page',
      value: round(memory.peakRssGrowthMb, 1),
      unit: 'MB',
      goal: '< 64 MB',
      met: memory.peakRssGrowthMb < 64,
    },
  ];
}

/** One throughput figure beside its same-run baseline, with the ratio and its goal. */
function ratioRow(bench: string, figure: string, unit: string, measured: { value: number; baseline: string; baselineValue: number; ratio: number; goal: number }): BenchRow {
  const { value, baseline, baselineValue, ratio, goal } = measured;
  return { bench, figure, value: round(value, 0), unit, baseline, baselineValue: round(baselineValue, 0), ratio: round(ratio), goal: `≥ ${goal}`, met: ratio >= goal };
}

/** The ingest bench's JSON line (tools/bench/ingest-bench.ts). */
function ingestRows(json: BenchJson): BenchRow[] {
  const ingest = json['ingest'] as { entriesPerSecond: number };
  const raw = json['raw'] as { entriesPerSecond: number };
  const figure = `${json['entries'] as number}-entry backlog, sandbox feed to acknowledged Kafka records`;
  // The producer runs on the connector's client, in the ingestor's process (createKafka mends kafkajs
  // for the whole process): a faster baseline than stock kafkajs, and the same client as the ingestor.
  const baseline = "kafkajs producer on the connector's client, same records and batches";
  return [ratioRow('ingest', figure, 'entries/s', { value: ingest.entriesPerSecond, baseline, baselineValue: raw.entriesPerSecond, ratio: json['ratio'] as number, goal: json['goal'] as number })];
}

/**
 * The route bench's JSON line (tools/bench/route-bench.ts): the goal's row against stock kafkajs,
 * and, when measured, a row against the same loop on the connector's client (no goal of its own).
 */
function routeRows(json: BenchJson): BenchRow[] {
  const router = json['router'] as { recordsPerSecond: number };
  const identity = json['identity'] as { recordsPerSecond: number };
  const figure = `order-router, ${json['records'] as number} order-created records`;
  const goal = (json['goal'] as { ratio: number }).ratio;
  const rows = [
    ratioRow('route', figure, 'records/s', { value: router.recordsPerSecond, baseline: 'raw kafkajs transactional identity loop', baselineValue: identity.recordsPerSecond, ratio: json['ratio'] as number, goal }),
  ];
  const onClient = json['identityOnConnectorClient'] as { recordsPerSecond: number } | undefined;
  if (onClient !== undefined) {
    const baseline = "the same loop on the connector's client";
    rows.push({ bench: 'route', figure, value: router.recordsPerSecond, unit: 'records/s', baseline, baselineValue: onClient.recordsPerSecond, ratio: json['ratioToConnectorClient'] as number });
  }
  return rows;
}

/** Benches that print their rows ready-made: `{"bench": "...", "rows": [BenchRow, ...]}`. */
function readyRows(json: BenchJson): BenchRow[] {
  return (json['rows'] as BenchRow[]).map((row) => ({ ...row, bench: json.bench }));
}

const SUMMARIZERS: Record<string, Summarizer> = { parse: parseRows, ingest: ingestRows, route: routeRows };

export function summarize(json: BenchJson): BenchRow[] {
  if (Array.isArray(json['rows'])) return readyRows(json);
  const summarizer = SUMMARIZERS[json.bench];
  return summarizer ? summarizer(json) : [];
}

export function markdownTable(rows: BenchRow[]): string {
  const header = '| bench | figure | value | same-run baseline | ratio | goal |\n| --- | --- | --- | --- | --- | --- |';
  const lines = rows.map((row) => {
    const baseline = row.baseline ? `${row.baseline}: ${row.baselineValue ?? ''} ${row.unit}` : '';
    const goal = row.goal ? `${row.goal} ${row.met === undefined ? '' : row.met ? '✔' : '✘'}` : '';
    return `| ${row.bench} | ${row.figure} | ${row.value} ${row.unit} | ${baseline} | ${row.ratio ?? ''} | ${goal} |`;
  });
  return [header, ...lines].join('\n');
}
