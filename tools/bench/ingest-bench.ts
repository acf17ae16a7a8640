// Ingest benchmark: `node -r @swc-node/register tools/bench/ingest-bench.ts [entries]` (npm run bench:ingest).
// (a) the feed-ingestor's pipeline ingesting a backlog of `entries` (default 20,000) feed entries from
// the iQmetrix sandbox to acknowledged Kafka records (one poll from an empty checkpoint: scan back,
// read forward, de-duplicate, encode, one sendBatch per page, checkpoint after each acknowledgement);
// (b) a bare kafkajs producer with the same settings sending the same records in the same requests,
// twice, the faster run counting (on the connector's client, as the ingestor: createKafka mends
// kafkajs for the whole process, so it is faster than stock kafkajs); (c) for scale, raw sax tokenizing the same pages with no-op
// handlers, a floor no XML reader goes below. The sandbox runs in its own process; Kafka and Postgres
// are the local ones. Prints a table and one JSON line.
import { Logger } from '@nestjs/common';
import { topicsOf } from '@dropship/messaging';
import { loadConfig } from '@dropship/platform';
import { createBenchResources } from './ingest/bench-resources';
import { runIngest } from './ingest/ingest-run';
import { runRaw } from './ingest/raw-run';
import { saxFloor } from './ingest/sax-floor';
import { startSandboxProcess } from './ingest/sandbox-process';

const RATIO_GOAL = 0.5;
const PARTITIONS = 6;

function row(cells: Array<string | number>): string {
  return cells.map((cell, index) => String(cell)[index === 0 ? 'padEnd' : 'padStart'](index === 0 ? 44 : 12)).join('');
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const entries = Number(process.argv[2] ?? 20_000);
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  const sandbox = await startSandboxProcess(entries);
  const resources = await createBenchResources(brokers, topicsOf('feed-ingestor'), PARTITIONS);
  try {
    const config = loadConfig(
      {
        IQMETRIX_AUTH_URL: sandbox.url,
        IQMETRIX_DROPSHIP_URL: sandbox.url,
        IQMETRIX_CLIENT_ID: 'sandbox-client',
        IQMETRIX_CLIENT_SECRET: 'sandbox-secret',
        IQMETRIX_USERNAME: 'supplier@example.com',
        IQMETRIX_PASSWORD: 'sandbox-password',
        IQMETRIX_SUPPLIER_ID: '60455',
        KAFKA_BROKERS: brokers.join(','),
        DATABASE_URL: resources.databaseUrl,
        TOPIC_PARTITIONS: String(PARTITIONS),
      },
      'feed-ingestor',
    );
    const ingest = await runIngest({ config, kafka: resources.kafka, topicOf: resources.topicOf });
    if (ingest.entries !== entries) throw new Error(`the ingestor published ${ingest.entries} of ${entries} entries`);
    const rawRuns = [await runRaw(resources.kafka, ingest.batches), await runRaw(resources.kafka, ingest.batches)];
    const raw = rawRuns.reduce((best, run) => (run.seconds < best.seconds ? run : best));
    const floor = await saxFloor(sandbox.url, '60455');
    const ingestRate = Math.round(ingest.entries / ingest.seconds);
    const rawRate = Math.round(raw.entries / raw.seconds);
    const ratio = Math.round((ingestRate / rawRate) * 100) / 100;
    console.log(`Ingest benchmark: ${entries} feed entries (${ingest.pages} pages of up to 50), ${PARTITIONS} partitions, acks=all, idempotent`);
    console.log(row(['', 'seconds', 'entries/s']));
    console.log(row(['(a) feed-ingestor: sandbox feed -> Kafka acked', ingest.seconds.toFixed(2), ingestRate]));
    console.log(row(["(b) bare kafkajs producer, same records/batches", raw.seconds.toFixed(2), rawRate]));
    console.log(row(['ratio (a)/(b)', ratio, `goal >=${RATIO_GOAL}`, ratio >= RATIO_GOAL ? 'ok' : 'BELOW GOAL']));
    console.log(row([`(c) raw sax over the same ${floor.megabytes.toFixed(0)} MB, no-op`, floor.seconds.toFixed(2), Math.round(entries / floor.seconds)]));
    console.log(`(a) used ${ingest.cpuSeconds.toFixed(2)} s of CPU in this process; (c) alone is ${(floor.seconds / raw.seconds).toFixed(1)}x (b)'s whole run.`);
    console.log(
      JSON.stringify({
        bench: 'ingest',
        entries,
        pages: ingest.pages,
        ingest: { seconds: ingest.seconds, cpuSeconds: ingest.cpuSeconds, entriesPerSecond: ingestRate },
        raw: { seconds: raw.seconds, entriesPerSecond: rawRate, runs: rawRuns.map((run) => run.seconds) },
        saxFloor: floor,
        ratio,
        goal: RATIO_GOAL,
      }),
    );
  } finally {
    await resources.remove();
    await sandbox.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
