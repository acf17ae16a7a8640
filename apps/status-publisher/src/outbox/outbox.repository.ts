import { StatusResultData } from '@dropship/messaging';
import { Queryable } from '../database/publisher-db';
import { TABLES } from '../database/tables';
import { CLAIM_HEADS_OF_SQL, CLAIM_RECENT_SQL, CLAIM_SQL, FINISH_SQL, HELD_BY, RENEW_SQL } from './outbox-finish.sql';
import { IqmetrixAnswer, NewPut, outboxColumns, OutboxRow, statusPutPath } from './outbox.types';

export interface ClaimRequest {
  replicaId: string;
  limit: number;
  leaseMs: number;
  /** Attempts started but never finished at which a row is parked instead of claimed. */
  crashLimit: number;
}

/** The row of an attempt, as much of it as recording the outcome needs. */
export type AttemptRow = Pick<OutboxRow, 'id' | 'orderId' | 'commandId' | 'traceparent'>;

/** How one attempt ended. */
export type AttemptOutcome =
  | { kind: 'delivered'; row: AttemptRow; answer: IqmetrixAnswer }
  | { kind: 'failed'; row: AttemptRow; answer: IqmetrixAnswer; error: string }
  | { kind: 'retry'; row: AttemptRow; delayMs: number; error: string; status?: number }
  | { kind: 'park'; row: AttemptRow; error: string };

/** The status PUTs to make, and their progress (see CLAIM_SQL and FINISH_SQL for the rules). */
export class OutboxRepository {
  constructor(private readonly supplierId: string) {}

  async add(tx: Queryable, put: NewPut): Promise<string> {
    const path = statusPutPath(this.supplierId, put.orderId, put.endpoint);
    // Relays are woken by ChangeNotifier once the caller's transaction has committed.
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO ${TABLES.outbox} (order_id, command_id, method, path, body, traceparent) VALUES ($1, $2, 'PUT', $3, $4, $5)
       RETURNING id::text AS id`,
      [put.orderId, put.commandId, path, JSON.stringify(put.body), put.traceparent ?? null],
    );
    return row.id;
  }

  /** Leases up to `limit` due heads to `replicaId`; parked rows come back with state `parked`. */
  claim(db: Queryable, request: ClaimRequest): Promise<OutboxRow[]> {
    return db.query<OutboxRow>(`${CLAIM_SQL} RETURNING ${outboxColumns('t')}`, claimParameters(request));
  }

  /**
   * The same as claim, of heads that became due within the last `windowMs` only (see
   * CLAIM_RECENT_SQL); `longestDueMs` tells how long the longest-waiting of them had been due, so a
   * caller sees when it is falling behind the window.
   */
  async claimRecent(db: Queryable, request: ClaimRequest, windowMs: number): Promise<{ rows: OutboxRow[]; longestDueMs: number }> {
    const claimed = await db.query<OutboxRow & { dueForMs: number }>(
      `${CLAIM_RECENT_SQL} RETURNING ${outboxColumns('t')}, (EXTRACT(EPOCH FROM now() - t.next_attempt_at) * 1000)::float8 AS "dueForMs"`,
      claimParameters(request, windowMs),
    );
    const longestDueMs = claimed.reduce((longest, row) => Math.max(longest, row.dueForMs), 0);
    return { rows: claimed.map(({ dueForMs: _dueForMs, ...row }) => row), longestDueMs };
  }

  /** The same as claim, of the due heads of `orderIds` only (the orders whose head just finished). */
  claimHeadsOf(db: Queryable, request: ClaimRequest, orderIds: readonly string[]): Promise<OutboxRow[]> {
    return db.query<OutboxRow>(`${CLAIM_HEADS_OF_SQL} RETURNING ${outboxColumns('t')}`, claimParameters(request, orderIds));
  }

  /** Extends the lease of rows still held here; returns the ids still held. */
  async renew(db: Queryable, replicaId: string, ids: readonly string[], leaseMs: number): Promise<string[]> {
    const rows = await db.query<{ id: string }>(
      RENEW_SQL,
      [ids, replicaId, leaseMs],
    );
    return rows.map((row) => row.id);
  }

  /** Gives back leased rows that were never sent (shutdown), without counting an attempt. */
  async release(db: Queryable, replicaId: string, ids: readonly string[]): Promise<void> {
    await db.execute(
      `UPDATE ${TABLES.outbox} AS o SET claimed_by = NULL, claimed_until = NULL, attempts_started = o.attempts_started - 1
       WHERE o.id = ANY($1::bigint[]) AND ${HELD_BY('o', '$2')}`,
      [ids, replicaId],
    );
  }

  /** Records outcomes; returns the ids this replica still held (the others were taken over). */
  async finish(db: Queryable, replicaId: string, outcomes: readonly AttemptOutcome[]): Promise<Set<string>> {
    const column = <T>(pick: (outcome: AttemptOutcome) => T): T[] => outcomes.map(pick);
    const rows = await db.query<{ id: string }>(FINISH_SQL, [
      replicaId,
      column((o) => o.row.id),
      column((o) => o.kind),
      column((o) => (o.kind === 'delivered' || o.kind === 'failed' ? o.answer.status : o.kind === 'retry' ? o.status ?? null : null)),
      column((o) => (o.kind === 'delivered' || o.kind === 'failed' ? storableJson(o.answer) : null)),
      column((o) => (o.kind === 'delivered' ? null : storableText(o.error))),
      column((o) => (o.kind === 'retry' ? o.delayMs : null)),
      column((o) => resultOf(o)),
    ]);
    return new Set(rows.map((row) => row.id));
  }

  /** One outcome (tests and tools); the relay batches through finish. */
  async finishOne(db: Queryable, replicaId: string, outcome: AttemptOutcome): Promise<boolean> {
    return (await this.finish(db, replicaId, [outcome])).has(outcome.row.id);
  }
}

/** $1–$4 of every claim statement (see CLAIM_SQL), then the narrowing condition's own. */
function claimParameters(request: ClaimRequest, ...narrowing: unknown[]): unknown[] {
  return [request.replicaId, request.limit, request.leaseMs, request.crashLimit, ...narrowing];
}

/**
 * iQmetrix's answer as jsonb can hold. `\u0000` and a lone UTF-16 surrogate (`"\ud83d"`) are valid
 * JSON but refused by jsonb (22P02), and one answer that cannot be stored fails the whole batch of
 * outcomes it is recorded with, whose PUTs would then be sent again; both become U+FFFD. Strings
 * are mended before they are written, so an escaped backslash is never mistaken for an escape.
 */
function storableJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (typeof field === 'string' ? storableText(field) : field));
}

/** String.prototype.toWellFormed (Node 20), which the ES2022 typings lack. */
type WellFormable = string & { toWellFormed(): string };

function storableText(text: string): string {
  return (text as WellFormable).toWellFormed().replaceAll('\u0000', '\ufffd');
}

function resultOf(outcome: AttemptOutcome): string | null {
  const { commandId, orderId } = outcome.row;
  if (commandId === null || (outcome.kind !== 'delivered' && outcome.kind !== 'failed')) return null;
  const result: StatusResultData = { commandId, orderId, outcome: outcome.kind, iqmetrix: outcome.answer };
  return storableJson(result);
}
