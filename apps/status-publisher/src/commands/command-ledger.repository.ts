import { AppError } from '@dropship/platform';
import { Queryable } from '../database/publisher-db';
import { TABLES } from '../database/tables';

export type LedgerOutcome = 'held' | 'accepted' | 'rejected';

/** The command id was answered (or held) before: its first answer stands. */
export class RepeatedCommandError extends AppError {
  constructor(readonly commandId: string) {
    super('COMMAND.REPEATED', `command ${commandId} was handled before`, { details: { commandId } });
  }
}

export interface LedgerEntry {
  commandId: string;
  orderId: string;
  outcome: LedgerOutcome;
  reason?: string;
  source?: string;
}

/**
 * Every command id the publisher has answered or is holding. The entry is written last in a
 * command's transaction and throws RepeatedCommandError when the id is known, which rolls the
 * whole transaction back: a repeated command id has no second effect and the first answer stands.
 * Two replicas handling one id at once serialize on the primary key: the second waits, then fails.
 */
export class CommandLedgerRepository {
  async record(tx: Queryable, entry: LedgerEntry): Promise<void> {
    const inserted = await tx.execute(
      `INSERT INTO ${TABLES.ledger} (command_id, order_id, outcome, reason, source, decided_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $3 = 'held' THEN NULL ELSE now() END)
       ON CONFLICT (command_id) DO NOTHING`,
      [entry.commandId, entry.orderId, entry.outcome, entry.reason ?? null, entry.source ?? null],
    );
    if (inserted === 0) throw new RepeatedCommandError(entry.commandId);
  }

  /** Settles a held command's entry. */
  async decide(tx: Queryable, commandId: string, outcome: Exclude<LedgerOutcome, 'held'>, reason?: string): Promise<void> {
    await tx.execute(`UPDATE ${TABLES.ledger} SET outcome = $2, reason = $3, decided_at = now() WHERE command_id = $1`, [
      commandId,
      outcome,
      reason ?? null,
    ]);
  }
}
