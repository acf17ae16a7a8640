import { AppError } from '@dropship/platform';

/**
 * An order-status-updated entry that cannot become a `dropship.order.status-confirmed` event (for
 * example a tracking number too long for the contract). Permanent: it goes to the dead-letter topic.
 */
export class StatusNotNormalizableError extends AppError {
  constructor(reason: string) {
    super('STATUS.NOT_NORMALIZABLE', reason, { retriable: false });
  }
}
