import { AppError } from '@dropship/platform';

/**
 * Another transaction claimed the order while this batch's statement ran, and its row was not yet
 * visible. Retriable: the next attempt sees the claim and decides.
 */
export class ClaimNotVisibleError extends AppError {
  constructor(orderId: string) {
    super('LEDGER.CLAIM_NOT_VISIBLE', 'an order of the batch was claimed concurrently; retrying the batch', {
      retriable: true,
      details: { orderId },
    });
  }
}

/** Kafka refused or lost a step of the batch's transaction. Retriable: the batch is read again. */
export class PublishFailedError extends AppError {
  constructor(step: string, cause: unknown) {
    super('KAFKA.TRANSACTION_FAILED', `the batch transaction failed at ${step}: ${messageOf(cause)}`, {
      retriable: true,
      cause,
      details: { step },
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The ledger's answer left out a record of the batch (a bug or a concurrent change): retry. */
export class LedgerAnswerError extends AppError {
  constructor(offset: string) {
    super('LEDGER.INCOMPLETE_ANSWER', `the ledger gave no decision for offset ${offset}; retrying the batch`, {
      retriable: true,
      details: { offset },
    });
  }
}
