import { Logger } from '@nestjs/common';
import { PgListener } from './pg-listener';
import { PublisherDb } from './publisher-db';

// Long enough to merge the NOTIFYs of a burst of commits, short next to a PUT's latency budget.
const COALESCE_MS = 5;

/**
 * Tells the relay and the results publisher that rows were committed: this process's at once, the
 * other replicas through one NOTIFY per channel every few milliseconds. The NOTIFY is deliberately
 * not part of the data transactions: Postgres holds a global lock from a notifying transaction's
 * commit until its WAL flush, which would make every command and delivery commit one at a time.
 * Call it after the commit; a crash in between leaves the polling fallback to find the rows.
 */
export class ChangeNotifier {
  private readonly logger = new Logger(ChangeNotifier.name);
  private readonly dirty = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: PublisherDb,
    private readonly listener: PgListener,
  ) {}

  changed(channel: string): void {
    this.listener.wakeLocal(channel);
    this.dirty.add(channel);
    this.timer ??= setTimeout(() => void this.flush(), COALESCE_MS);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const channels = [...this.dirty];
    this.dirty.clear();
    if (channels.length === 0) return;
    try {
      await this.db.query(`SELECT ${channels.map((_, i) => `pg_notify($${i + 1}, '')`).join(', ')}`, channels);
    } catch (error) {
      this.logger.warn({ msg: 'NOTIFY failed; other replicas will poll', reason: String(error) });
    }
  }
}
