// The baseline: the sandbox's own top speed for status PUTs, from a plain undici load generator
// keeping `connections` requests in flight (no database, no outbox, no Kafka).
import { Pool } from 'undici';

export interface BaselineResult {
  putsPerSecond: number;
  puts: number;
  seconds: number;
}

export async function sandboxToken(sandboxUrl: string): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'password',
    username: 'supplier@example.com',
    password: 'sandbox-password',
    client_id: 'sandbox-client',
    client_secret: 'sandbox-secret',
  });
  const response = await fetch(`${sandboxUrl}/v1/oauth2/token`, { method: 'POST', body });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** PUTs `{Id, Status: 1}` for the orders in turn for `seconds` after a one-second warm-up. */
export async function runBaseline(sandboxUrl: string, orderIds: string[], options: { connections: number; seconds: number }): Promise<BaselineResult> {
  const token = await sandboxToken(sandboxUrl);
  const pool = new Pool(sandboxUrl, { connections: options.connections });
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': 'application/json' };
  let next = 0;
  let counting = false;
  let puts = 0;
  const put = async (): Promise<void> => {
    const orderId = orderIds[next++ % orderIds.length];
    const response = await pool.request({
      path: `/v1/Suppliers(60455)/Orders(${orderId})/OrderStatusUpdate`,
      method: 'PUT',
      headers,
      body: JSON.stringify({ Id: orderId, Status: 1 }),
    });
    await response.body.dump();
    if (response.statusCode !== 202) throw new Error(`baseline PUT answered ${response.statusCode}`);
    if (counting) puts += 1;
  };
  let stop = false;
  const worker = async (): Promise<void> => {
    while (!stop) await put();
  };
  const workers = Array.from({ length: options.connections }, worker);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  counting = true;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1_000));
  counting = false;
  const seconds = (performance.now() - started) / 1_000;
  stop = true;
  await Promise.all(workers);
  await pool.close();
  return { putsPerSecond: puts / seconds, puts, seconds };
}
