// Command commit → PUT received at iQmetrix. The commit time is the outbox row's created_at
// (clock_timestamp() inside the committing transaction), the arrival time the sandbox's receivedAt.
// (1) `runCommittedRowLatency`: transactions committing one PUT each, exactly at the given rate, as
//     the command transactions of other replicas would (then a NOTIFY, as their notifier sends):
//     the relay's own latency at a load it is known to carry.
// (2) `runKafkaCommandLatency`: real commands through Kafka at the given rate, through this
//     replica's intake: end to end, limited by how fast the intake commits.
import { randomBytes } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { Client, Pool } from 'pg';
import type { SandboxOrder } from '../../iqmetrix-sandbox/src';
import { commandRecord, receivedRecord } from '../../../apps/status-publisher/src/testing/publisher-fixtures';
import { delivered, figures, LatencyFigures, matchLatencies, until } from './latency-stats';

export interface LatencyResult extends LatencyFigures {
  targetPerSecond: number;
  commands: number;
  committedPerSecond: number;
}

export interface LatencyRun {
  databaseUrl: string;
  sandboxUrl: string;
  orders: SandboxOrder[];
}

/** Waits for the `prefix` rows to be delivered, then matches them with the sandbox's arrivals. */
async function measure(run: LatencyRun, prefix: string, total: number, perSecond: number): Promise<LatencyResult> {
  const sql = new Client({ connectionString: run.databaseUrl });
  await sql.connect();
  try {
    await until(async () => (await delivered(sql, prefix)) >= total);
    const [span] = (
      await sql.query<{ s: number }>(
        `SELECT EXTRACT(EPOCH FROM max(created_at) - min(created_at))::float8 AS s FROM status_publisher.outbox WHERE command_id LIKE $1`,
        [`${prefix}%`],
      )
    ).rows;
    const latencies = await matchLatencies(sql, run.sandboxUrl, prefix);
    return { targetPerSecond: perSecond, commands: total, committedPerSecond: (total - 1) / Math.max(span.s, 0.001), ...figures(latencies) };
  } finally {
    await sql.end();
  }
}

/**
 * (1): one transaction per PUT, spread over 8 connections, paced to `perSecond`. Each is a single
 * INSERT (what the relay sees of a command's transaction), and NOTIFYs are coalesced to one per
 * 5 ms, as the publisher's ChangeNotifier sends them: the load generator's own cost stays small
 * beside the relay it measures.
 */
export async function runCommittedRowLatency(run: LatencyRun, perSecond: number, seconds: number): Promise<LatencyResult> {
  const prefix = `bench-c-${randomBytes(3).toString('hex')}-`;
  const pool = new Pool({ connectionString: run.databaseUrl, max: 8 });
  const notifier = coalescedNotifier(pool);
  const total = Math.round(perSecond * seconds);
  const started = performance.now();
  const commits: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i / perSecond) * 1000;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    commits.push(commitOne(pool, run.orders[i % run.orders.length].orderId, `${prefix}${i}`).then(notifier.committed));
  }
  await Promise.all(commits);
  await notifier.flushed();
  await pool.end();
  return measure(run, prefix, total, perSecond);
}

async function commitOne(pool: Pool, orderId: string, commandId: string): Promise<void> {
  await pool.query(
    `INSERT INTO status_publisher.outbox (order_id, command_id, method, path, body) VALUES ($1, $2, 'PUT', $3, $4)`,
    [orderId, commandId, `/v1/Suppliers(60455)/Orders(${orderId})/OrderStatusUpdate`, JSON.stringify({ Id: orderId, Status: 1 })],
  );
}

/** One NOTIFY at most every 5 ms, after the commits since the last one. */
function coalescedNotifier(pool: Pool): { committed: () => void; flushed: () => Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let sending: Promise<unknown> = Promise.resolve();
  const send = (): void => {
    timer = undefined;
    sending = pool.query(`SELECT pg_notify('status_publisher_outbox', '')`);
  };
  return {
    committed: () => {
      timer ??= setTimeout(send, 5);
    },
    flushed: async () => {
      if (timer) {
        clearTimeout(timer);
        send();
      }
      await sending;
    },
  };
}

/** (2): `Ordered` again and again for the orders in turn (allowed: a repeated acknowledgement), paced in 10 ms steps. */
export async function runKafkaCommandLatency(run: LatencyRun & { kafka: Kafka; topicPrefix: string }, perSecond: number, seconds: number): Promise<LatencyResult> {
  const prefix = `bench-k-${randomBytes(3).toString('hex')}-`;
  const producer = run.kafka.producer();
  await producer.connect();
  const sql = new Client({ connectionString: run.databaseUrl });
  await sql.connect();
  try {
    await producer.send({ topic: `${run.topicPrefix}dropship.orders.v1`, messages: run.orders.map(receivedRecord) });
    await until(async () => (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM status_publisher.orders')).rows[0].n >= run.orders.length);
    const total = Math.round(perSecond * seconds);
    const started = performance.now();
    for (let sent = 0; sent < total; ) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * perSecond));
      const messages = [];
      for (; sent < due; sent += 1) {
        messages.push(commandRecord({ commandId: `${prefix}${sent}`, orderId: run.orders[sent % run.orders.length].orderId, status: 'Ordered' }));
      }
      if (messages.length > 0) await producer.send({ topic: `${run.topicPrefix}dropship.status-commands.v1`, messages });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return await measure(run, prefix, total, perSecond);
  } finally {
    await producer.disconnect();
    await sql.end();
  }
}
