import { Logger } from '@nestjs/common';
import { PublisherDb } from '../database/publisher-db';
import { PublisherMetrics } from '../maintenance/publisher-metrics';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxRow } from '../outbox/outbox.types';
import { PauseGate } from './pause-gate';
import { nextWindowMs, RECENT_WINDOW_MS } from './recent-window';
import { RetryClock } from './retry-clock';
import { RowDelivery } from './row-delivery';
import { WakeSignal } from './wake-signal';

/** PUTs in flight or answered and waiting to be recorded, per connection, at most (see hasRoom). */
const UNRECORDED_PER_CONNECTION = 2;

export interface RelaySettings {
  replicaId: string;
  concurrency: number;
  batchSize: number;
  pollIntervalMs: number;
  leaseMs: number;
  crashLimit: number;
}

/**
 * Moves outbox rows to iQmetrix. One loop claims due heads (see CLAIM_SQL) and keeps a batch of
 * them leased beside the PUTs in flight, so a freed connection starts its next PUT at once and a
 * claim serves many PUTs; a NOTIFY, a finished PUT or a timer (the polling fallback, or the next
 * retry coming due) wakes it. When this replica finishes an order's head, it claims that order's
 * next row directly (queuesAdvanced), so queues of many rows per order drain without the loop.
 * At most `concurrency` PUTs are on the wire; a PUT that has been answered frees its connection
 * while its outcome is recorded (OutcomeRecorder batches those).
 * Leases of rows held here are renewed while they wait, while their PUT runs and until their
 * outcome is recorded, so a slow iQmetrix never lets another replica send the same row.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly signal = new WakeSignal();
  /** Rows whose PUT is on the wire. */
  private readonly onWire = new Set<string>();
  /** Rows from launch until their outcome is recorded (a superset of onWire). */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly queued: OutboxRow[] = [];
  /**
   * When the lease of each queued row ends as far as this replica knows (performance.now()): from
   * its claim, then from each renewal that held it. A row is sent only with half its lease left,
   * so a replica that could not renew (Postgres away from it, a long 429 pause) never sends a row
   * another replica may have taken over and sent since, with the order's later rows after it.
   */
  private readonly leaseEnds = new Map<string, number>();
  /** Orders whose head this replica finished, waiting for their next row to be claimed. */
  private readonly advanced = new Set<string>();
  private handingOver?: Promise<void>;
  /** When the next claim among all due heads is due (performance.now()). */
  private fullClaimAt = 0;
  /** The last full claim found a full batch: more due heads may wait, recent or not. */
  private backlog = false;
  private recentWindowMs = RECENT_WINDOW_MS;
  private running = false;
  private loopDone?: Promise<void>;
  private leaseTimer?: NodeJS.Timeout;

  constructor(
    private readonly db: PublisherDb,
    private readonly outbox: OutboxRepository,
    private readonly delivery: RowDelivery,
    private readonly observers: { metrics: PublisherMetrics; gate: PauseGate; retries: RetryClock },
    private readonly settings: RelaySettings,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
    this.leaseTimer = setInterval(() => void this.renewLeases(), Math.max(100, Math.floor(this.settings.leaseMs / 3)));
  }

  /** Stops claiming, gives back rows not started, and waits for the PUTs in flight to be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.signal.wake();
    await this.loopDone;
    await this.handingOver;
    const unsent = this.queued.splice(0).map((row) => row.id);
    this.leaseEnds.clear();
    if (unsent.length > 0) await this.outbox.release(this.db, this.settings.replicaId, unsent).catch(() => undefined);
    await Promise.allSettled([...this.inFlight.values()]);
    clearInterval(this.leaseTimer);
  }

  wake(): void {
    this.signal.wake();
  }

  /**
   * Orders whose head this replica just finished (see OutcomeRecorder): their next rows are claimed
   * by order id, one probe each, rather than found again among the due heads of every order.
   */
  queuesAdvanced(orderIds: readonly string[]): void {
    if (!this.running) return;
    for (const orderId of orderIds) this.advanced.add(orderId);
    this.handingOver ??= this.handOver().finally(() => {
      this.handingOver = undefined;
    });
  }

  private async handOver(): Promise<void> {
    while (this.running && this.advanced.size > 0) {
      const orderIds = [...this.advanced];
      this.advanced.clear();
      try {
        this.take(await this.outbox.claimHeadsOf(this.db, { ...this.settings, limit: orderIds.length }, orderIds));
      } catch (error) {
        // Nothing is lost: those heads are due and the claim loop finds them.
        this.logger.warn({ msg: 'claiming the next rows of finished orders failed', reason: String(error) });
        this.signal.wake();
      }
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let waitMs: number;
      try {
        waitMs = await this.step();
      } catch (error) {
        this.logger.warn({ msg: 'claiming outbox rows failed; retrying', reason: String(error) });
        waitMs = this.settings.pollIntervalMs;
      }
      await this.signal.wait(waitMs);
    }
  }

  /** One claim round; returns how long to sleep unless woken. */
  private async step(): Promise<number> {
    const { pollIntervalMs, concurrency, batchSize } = this.settings;
    const paused = this.observers.gate.remainingMs();
    if (paused > 0) return paused;
    this.launchQueued();
    // Keep about one claim's worth waiting: enough to refill every connection while the next claim runs.
    const limit = Math.max(batchSize, concurrency) - this.queued.length;
    if (this.queued.length >= concurrency) return pollIntervalMs;
    const rows = await this.claim(limit);
    this.take(rows);
    if (rows.length === limit) return 0;
    // Retries this replica scheduled wake it when due; other replicas' retries and expired leases
    // of dead replicas are found by the periodic full claim.
    const untilFull = this.fullClaimAt - performance.now();
    return Math.max(5, Math.min(pollIntervalMs, untilFull, this.observers.retries.nextInMs() ?? pollIntervalMs));
  }

  /**
   * A claim among all due heads once per poll interval, and while such a claim keeps finding full
   * batches (a backlog); otherwise among recently due heads only, which costs a small part of it
   * (see CLAIM_RECENT_SQL).
   */
  private async claim(limit: number): Promise<OutboxRow[]> {
    const now = performance.now();
    const request = { ...this.settings, limit };
    if (!this.backlog && now < this.fullClaimAt) {
      const recent = await this.outbox.claimRecent(this.db, request, this.recentWindowMs);
      this.recentWindowMs = nextWindowMs(this.recentWindowMs, recent.longestDueMs);
      return recent.rows;
    }
    this.fullClaimAt = now + this.settings.pollIntervalMs;
    const rows = await this.outbox.claim(this.db, request);
    this.backlog = rows.length === limit;
    return rows;
  }

  /** Queues claimed rows (reporting the parked ones) and starts as many as connections allow. */
  private take(rows: OutboxRow[]): void {
    // Taken as the claim's answer arrives: its leases started no later than now.
    const leaseEnd = performance.now() + this.settings.leaseMs;
    for (const row of rows) {
      if (row.state === 'parked') this.reportParked(row);
      else {
        this.queued.push(row);
        this.leaseEnds.set(row.id, leaseEnd);
      }
    }
    this.launchQueued();
  }

  private launchQueued(): void {
    const expired: string[] = [];
    while (this.running && this.hasRoom() && this.queued.length > 0) {
      if (this.observers.gate.remainingMs() > 0) break;
      const row = this.queued.shift() as OutboxRow;
      const leaseLeftMs = (this.leaseEnds.get(row.id) ?? 0) - performance.now();
      this.leaseEnds.delete(row.id);
      if (leaseLeftMs < this.settings.leaseMs / 2) expired.push(row.id);
      else this.launch(row);
    }
    if (expired.length > 0) this.giveBack(expired, 'outbox rows not sent: their lease may have ended while they waited');
  }

  /**
   * A connection is free, and the PUTs answered but not yet recorded are few: were Postgres slow to
   * take outcomes, launching on would pile up answered PUTs that a crash would have sent again.
   */
  private hasRoom(): boolean {
    const { concurrency } = this.settings;
    return this.onWire.size < concurrency && this.inFlight.size < concurrency * UNRECORDED_PER_CONNECTION;
  }

  /** Rows this replica will not send: released if it still holds them, else left to whoever does. */
  private giveBack(ids: string[], msg: string): void {
    this.logger.warn({ msg, outboxIds: ids });
    void this.outbox.release(this.db, this.settings.replicaId, ids).catch((error: unknown) => {
      // Their leases run out by themselves; the attempt counted at the claim is then one too many.
      this.logger.warn({ msg: 'releasing outbox rows failed', outboxIds: ids, reason: String(error) });
    });
  }

  private launch(row: OutboxRow): void {
    this.onWire.add(row.id);
    const sent = (): void => {
      this.onWire.delete(row.id);
      this.launchQueued();
    };
    const work = this.delivery
      .deliver(row, sent)
      .catch((error: unknown) => this.logger.error({ msg: 'delivering an outbox row failed', outboxId: row.id, error: String(error) }))
      .finally(() => {
        this.inFlight.delete(row.id);
        sent();
        this.signal.wake();
      });
    this.inFlight.set(row.id, work);
  }

  private reportParked(row: OutboxRow): void {
    this.observers.metrics.puts.inc({ outcome: 'parked' });
    this.logger.error({ msg: 'outbox row parked: its attempts keep dying with their process', outboxId: row.id, orderId: row.orderId, commandId: row.commandId, error: row.lastError });
  }

  private async renewLeases(): Promise<void> {
    const ids = [...this.inFlight.keys(), ...this.queued.map((row) => row.id)];
    if (ids.length === 0) return;
    const renewedAt = performance.now();
    try {
      const held = new Set(await this.outbox.renew(this.db, this.settings.replicaId, ids, this.settings.leaseMs));
      for (const id of held) if (this.leaseEnds.has(id)) this.leaseEnds.set(id, renewedAt + this.settings.leaseMs);
      const lostInFlight = ids.filter((id) => !held.has(id) && this.inFlight.has(id));
      if (lostInFlight.length > 0) this.logger.warn({ msg: 'outbox leases lost while PUTs were in flight', outboxIds: lostInFlight });
      this.dropLostQueued(new Set(ids), held);
    } catch (error) {
      this.logger.warn({ msg: 'renewing outbox leases failed', reason: String(error) });
    }
  }

  /** Queued rows another replica holds now (their leases ran out here): they are its to send. */
  private dropLostQueued(asked: ReadonlySet<string>, held: ReadonlySet<string>): void {
    // Rows claimed while the renewal ran were not asked about.
    const lost = new Set(this.queued.filter((row) => asked.has(row.id) && !held.has(row.id)).map((row) => row.id));
    if (lost.size === 0) return;
    const kept = this.queued.filter((row) => !lost.has(row.id));
    this.queued.splice(0, this.queued.length, ...kept);
    for (const id of lost) this.leaseEnds.delete(id);
    this.logger.warn({ msg: 'outbox leases lost while rows waited; not sending them', outboxIds: [...lost] });
  }
}
