// Percentiles and the commit → PUT matching shared by the latency runs.
import { Client } from 'pg';

export interface LatencyFigures {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function figures(latencies: number[]): LatencyFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return { p50Ms: at(50), p99Ms: at(99), maxMs: sorted[sorted.length - 1] };
}

/**
 * Commit → PUT received for the outbox rows whose command id starts with `prefix`: the i-th PUT the
 * sandbox accepted for an order is the order's i-th such row (one order's PUTs go strictly in order).
 */
export async function matchLatencies(sql: Client, sandboxUrl: string, prefix: string): Promise<number[]> {
  const rows = (
    await sql.query<{ orderId: string; createdMs: number }>(
      `SELECT order_id AS "orderId", EXTRACT(EPOCH FROM created_at)::float8 * 1000 AS "createdMs"
       FROM status_publisher.outbox WHERE command_id LIKE $1 ORDER BY order_id, seq`,
      [`${prefix}%`],
    )
  ).rows;
  const byOrder = new Map<string, number[]>();
  for (const row of rows) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row.createdMs]);
  const latencies: number[] = [];
  for (const [orderId, committed] of byOrder) {
    const response = await fetch(`${sandboxUrl}/_sandbox/orders/${orderId}/updates`);
    const updates = ((await response.json()) as { updates: Array<{ receivedAt: string; accepted: boolean }> }).updates.filter((u) => u.accepted);
    // Earlier phases may have PUT to the same order: its last updates are this run's.
    const ours = updates.slice(updates.length - committed.length);
    committed.forEach((createdMs, i) => latencies.push(Date.parse(ours[i].receivedAt) - createdMs));
  }
  return latencies;
}

export async function until(condition: () => Promise<boolean>, timeoutMs = 5 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function delivered(sql: Client, prefix: string): Promise<number> {
  const found = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM status_publisher.outbox WHERE command_id LIKE $1 AND state = 'delivered'`, [`${prefix}%`]);
  return found.rows[0].n;
}
