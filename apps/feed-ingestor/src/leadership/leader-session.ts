import { Logger } from '@nestjs/common';
import { describeError } from '@dropship/platform';
import { Client } from 'pg';
import type { SqlSession } from '../checkpoint/checkpoint.types';
import { LeadershipLostError } from './leadership.errors';

const HEARTBEAT_TIMEOUT_MS = 10_000;

export interface LeaderSessionOptions {
  databaseUrl: string;
  /** Any text; hashed into the advisory lock key. */
  lockName: string;
  heartbeatMs: number;
}

/**
 * One dedicated Postgres connection that may hold the ingestor's session-level advisory lock.
 * Postgres releases the lock when the connection ends, also when the process is killed (the kernel
 * closes its socket at once), so a standby can take over. Losing the connection aborts `signal`,
 * which stops the leader's work immediately.
 */
export class LeaderSession implements SqlSession {
  private readonly logger = new Logger(LeaderSession.name);
  private readonly controller = new AbortController();
  private heartbeat?: NodeJS.Timeout;
  private locked = false;

  private constructor(
    private readonly client: Client,
    private readonly options: LeaderSessionOptions,
  ) {
    client.on('error', (error) => this.lose(describeError(error).message, error));
    client.on('end', () => this.lose('connection closed'));
  }

  static async open(options: LeaderSessionOptions): Promise<LeaderSession> {
    const client = new Client({
      connectionString: options.databaseUrl,
      application_name: 'feed-ingestor-leader',
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    const session = new LeaderSession(client, options);
    await client.connect();
    // The server side of keepalive: a leader that vanishes without closing its socket (a network
    // partition) loses the lock in about half a minute instead of the kernel default of hours.
    await client.query('SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3');
    // A backend notices a dead client only when it next reads from it; one busy in a statement (say,
    // waiting for a row lock) would keep the lock until that ends. PostgreSQL 14+ can check meanwhile.
    await client.query("SET client_connection_check_interval = '1s'").catch(() => undefined);
    return session;
  }

  /** Aborted when the session is lost; the reason is a LeadershipLostError. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isLeader(): boolean {
    return this.locked && !this.signal.aborted;
  }

  /** Tries the lock once, without waiting for a holder to let go. */
  async tryLock(): Promise<boolean> {
    const [row] = await this.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.options.lockName]);
    this.locked = row?.locked === true;
    if (this.locked) this.startHeartbeat();
    return this.locked;
  }

  async query<R = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    if (this.signal.aborted) throw this.signal.reason;
    const result = await this.client.query(sql, params);
    return result.rows as R[];
  }

  /** Lets go of the lock (if the connection still works) and closes the connection. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    const wasLost = this.signal.aborted;
    this.lose('closed');
    if (wasLost) return;
    if (this.locked) {
      await this.client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.options.lockName]).catch(() => undefined);
    }
    await this.client.end().catch(() => undefined);
  }

  private startHeartbeat(): void {
    this.heartbeat = setInterval(() => void this.beat(), this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  /**
   * A connection that hangs is as lost as one that closed. A closed one is noticed at once through
   * the client's events; the heartbeat is for the hung kind, so it allows a generous answer time.
   */
  private async beat(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HEARTBEAT_TIMEOUT_MS} ms`)), HEARTBEAT_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.client.query('SELECT 1'), timeout]);
    } catch (error) {
      this.lose(`heartbeat failed: ${describeError(error).message}`, error);
      (this.client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    } finally {
      clearTimeout(timer);
    }
  }

  private lose(reason: string, cause?: unknown): void {
    if (this.signal.aborted) return;
    clearInterval(this.heartbeat);
    if (this.locked && reason !== 'closed') this.logger.error({ msg: 'leader lock session lost; polling stops', reason });
    this.controller.abort(new LeadershipLostError(reason, cause));
  }
}
