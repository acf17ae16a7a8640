// Test-only: a sandbox, a database and built feed-ingestor processes, for the *.int-spec.ts files.
import { createServer } from 'node:net';
import { Client } from 'pg';
// eslint-disable-next-line no-restricted-imports
import { createTestDatabase, startServiceProcess, testBrokers, testKafka, uniqueName, waitFor } from '@dropship/testing';
// eslint-disable-next-line no-restricted-imports
import type { ServiceProcess, TestDatabase } from '@dropship/testing';
import type { Kafka } from 'kafkajs';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startSandbox, type RunningSandbox } from '../../../../tools/iqmetrix-sandbox/src';
import { FeedTopicsReader } from './feed-topics-reader';

/** One running `node dist/apps/feed-ingestor/main.js`. */
export interface IngestorProcess {
  process: ServiceProcess;
  port: number;
  /** GET /metrics, one sample: the value of `name` with all of `labels`, or undefined. */
  metric(name: string, labels?: Record<string, string>): Promise<number | undefined>;
  /** Resolves once the process has finished `count` successful polls. */
  polled(count: number, timeoutMs?: number): Promise<void>;
}

export interface IngestorRig {
  sandbox: RunningSandbox;
  database: TestDatabase;
  kafka: Kafka;
  reader: FeedTopicsReader;
  start(options?: { pollMs?: number; args?: string[]; env?: Record<string, string> }): Promise<IngestorProcess>;
  /** The stored checkpoint row, read directly (undefined before the first, or before the schema exists). */
  checkpoint(): Promise<{ entry_id: string; entry_updated: string | null; page_id: string | null } | undefined>;
  close(): Promise<void>;
}

export async function startRig(name: string): Promise<IngestorRig> {
  const sandbox = await startSandbox({ port: 0, seed: uniqueName(name), logLevel: 'silent' });
  const database = await createTestDatabase();
  const kafka = testKafka(name);
  const reader = await FeedTopicsReader.start(kafka);
  const processes: ServiceProcess[] = [];
  return {
    sandbox,
    database,
    kafka,
    reader,
    start: async ({ pollMs = 500, args = [], env = {} } = {}) => {
      const port = await freePort();
      const process = startServiceProcess('feed-ingestor', { ...ingestorEnv(sandbox, database, port, pollMs), ...env }, args);
      processes.push(process);
      return ingestorProcess(process, port);
    },
    checkpoint: async () => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const [{ exists }] = (await client.query("SELECT to_regclass('feed_ingestor.checkpoints') IS NOT NULL AS exists")).rows;
        if (!exists) return undefined;
        const { rows } = await client.query('SELECT entry_id, entry_updated, page_id FROM feed_ingestor.checkpoints');
        return rows[0];
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await Promise.all(processes.map((process) => process.stop(5_000)));
      await reader.stop();
      await sandbox.close();
      await database.drop();
    },
  };
}

export function ingestorEnv(sandbox: RunningSandbox, database: TestDatabase, port: number, pollMs: number): Record<string, string> {
  const { clientId, clientSecret, username, password } = sandbox.credentials;
  return {
    IQMETRIX_AUTH_URL: sandbox.url,
    IQMETRIX_DROPSHIP_URL: sandbox.url,
    IQMETRIX_CLIENT_ID: clientId,
    IQMETRIX_CLIENT_SECRET: clientSecret,
    IQMETRIX_USERNAME: username,
    IQMETRIX_PASSWORD: password,
    IQMETRIX_SUPPLIER_ID: String(sandbox.supplierId),
    KAFKA_BROKERS: testBrokers().join(','),
    DATABASE_URL: database.url,
    HTTP_PORT: String(port),
    FEED_POLL_INTERVAL_MS: String(pollMs),
    LOG_LEVEL: 'warn',
  };
}

function ingestorProcess(process: ServiceProcess, port: number): IngestorProcess {
  const metric = async (name: string, labels: Record<string, string> = {}) => {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    return sampleValue(text, name, labels);
  };
  return {
    process,
    port,
    metric,
    polled: async (count, timeoutMs = 30_000) => {
      const polls = async () => (await metric('dropship_feed_poll_duration_seconds_count', { outcome: 'success' })) ?? 0;
      await waitFor(async () => (await polls()) >= count, { timeoutMs, intervalMs: 100, description: `${count} successful polls` }).catch(
        (error: unknown) => {
          throw new Error(`${(error as Error).message}\nfeed-ingestor output:\n${process.output().slice(-3000)}`);
        },
      );
    },
  };
}

/** The value of a Prometheus text-format sample. */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([label, value]) => line.includes(`${label}="${value}"`))) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
