// The relay alone: the outbox is filled with `rows` due PUTs in one transaction (as a burst of
// committed commands would leave it), and the relay's delivered rate is read from the rows'
// `finished_at` (first to last delivery), so neither the Kafka intake nor start-up is counted.
import { Client } from 'pg';

export interface ThroughputResult {
  rows: number;
  orders: number;
  putsPerSecond: number;
  seconds: number;
}

export async function runRelayThroughput(databaseUrl: string, orderIds: string[], rows: number, prefix = 'bench-t-'): Promise<ThroughputResult> {
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    await sql.query('BEGIN');
    // Row n goes to order n mod orders: every order gets a queue of rows sent one after another.
    await sql.query(
      `INSERT INTO status_publisher.outbox (order_id, command_id, method, path, body)
       SELECT o, $3::text || n, 'PUT', '/v1/Suppliers(60455)/Orders(' || o || ')/OrderStatusUpdate',
              jsonb_build_object('Id', o, 'Status', 1)
       FROM generate_series(0, $2::int - 1) AS n, LATERAL (SELECT ($1::text[])[1 + n % array_length($1::text[], 1)] AS o) AS pick`,
      [orderIds, rows, prefix],
    );
    await sql.query(`SELECT pg_notify('status_publisher_outbox', '')`);
    await sql.query('COMMIT');
    const done = async (): Promise<number> =>
      (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM status_publisher.outbox WHERE command_id LIKE $1 AND state = 'delivered'`, [`${prefix}%`])).rows[0].n;
    const deadline = Date.now() + 10 * 60_000;
    while ((await done()) < rows) {
      if (Date.now() > deadline) throw new Error('the relay did not deliver every row within 10 minutes');
      // Seldom: the count reads the whole outbox, CPU the relay under test would otherwise have.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const [span] = (
      await sql.query<{ seconds: number }>(
        `SELECT EXTRACT(EPOCH FROM max(finished_at) - min(finished_at))::float8 AS seconds
         FROM status_publisher.outbox WHERE command_id LIKE $1`,
        [`${prefix}%`],
      )
    ).rows;
    return { rows, orders: orderIds.length, seconds: span.seconds, putsPerSecond: (rows - 1) / span.seconds };
  } finally {
    await sql.end();
  }
}
