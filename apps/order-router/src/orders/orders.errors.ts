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

/**
 * A reader thread failed a batch: it threw, exited or could not start. Retriable: the batch is read
 * again (on a new thread) after the runner's delay, and no record is dead-lettered for it.
 */
export class ReaderThreadError extends AppError {
  constructor(reason: string, cause?: unknown) {
    super('ROUTER.READER_THREAD_FAILED', `an order reader thread failed: ${reason}`, { retriable: true, cause });
  }
}
