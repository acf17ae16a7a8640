import { AppError } from '@dropship/platform';

/**
 * An order-created entry that cannot become a `dropship.order.received` event (contract: every
 * documented key, at least one item with SKU and quantity, a boolean ship-to-store, a supplier id).
 * Permanent: the same entry fails the same way, so it goes to the dead-letter topic.
 */
export class OrderNotNormalizableError extends AppError {
  constructor(reason: string) {
    super('ORDER.NOT_NORMALIZABLE', reason, { retriable: false });
  }
}
