import { AppError, describeError } from '@dropship/platform';

/** Postgres could not answer a ledger statement. Retriable: the batch is read again later. */
export class LedgerUnavailableError extends AppError {
  constructor(cause: unknown) {
    super('LEDGER.UNAVAILABLE', `the ledger could not be reached or updated: ${describeError(cause).message}`, {
      retriable: true,
      cause,
    });
  }
}
