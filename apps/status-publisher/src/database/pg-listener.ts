import { Logger } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

/**
 * One dedicated connection (LISTEN cannot share a pooled one): wakes the relay and the results
 * publisher on NOTIFY, and holds the results publisher's leadership lock, which Postgres releases
 * by itself when this connection (or the process) dies. On reconnect every handler is called once,
 * since notifications sent while disconnected are lost; the pollers' timers cover the gap until then.
 */
export class PgListener {
  private readonly logger = new Logger(PgListener.name);
  private readonly handlers = new Map<string, Array<() => void>>();
  private readonly connectionHandlers: Array<() => void> = [];
  private client?: Client;
  private stopped = false;
  private retryMs = RECONNECT_MIN_MS;
  private timer?: NodeJS.Timeout;

  constructor(private readonly databaseUrl: string) {}

  on(channel: string, handler: () => void): void {
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
  }

  /** Called after each (re)connection: session state such as advisory locks starts empty. */
  onConnected(handler: () => void): void {
    this.connectionHandlers.push(handler);
  }

  /** Calls the handlers of `channel` in this process, as a notification would. */
  wakeLocal(channel: string): void {
    this.dispatch(channel);
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** pg_try_advisory_lock on this connection; false when another session holds it or we are disconnected. */
  async tryLock(key: string): Promise<boolean> {
    const client = this.client;
    if (client === undefined) return false;
    const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
    return result.rows[0]?.locked === true;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'status-publisher-listener' });
    client.on('error', (error) => this.lost(client, error.message));
    client.on('end', () => this.lost(client, 'connection ended'));
    client.on('notification', (message) => this.dispatch(message.channel));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.lost(client, error instanceof Error ? error.message : String(error));
      return;
    }
    this.client = client;
    this.retryMs = RECONNECT_MIN_MS;
    for (const handler of this.connectionHandlers) handler();
    for (const channel of this.handlers.keys()) this.dispatch(channel);
  }

  private lost(client: Client, reason: string): void {
    if (this.client !== undefined && this.client !== client) return;
    this.client = undefined;
    if (this.stopped) return;
    this.logger.warn({ msg: 'database listener disconnected, reconnecting', reason, retryInMs: this.retryMs });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryMs = Math.min(RECONNECT_MAX_MS, this.retryMs * 2);
  }

  private dispatch(channel: string): void {
    for (const handler of this.handlers.get(channel) ?? []) handler();
  }
}
