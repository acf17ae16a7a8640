import { DomainError } from '../errors/domain-error';

/** A status name or number that is not in the iQmetrix enum. */
export class UnknownStatusError extends DomainError {
  constructor(readonly input: unknown) {
    super(
      'STATUS.UNKNOWN',
      `unknown status ${JSON.stringify(input) ?? String(input)}: expected a name of the iQmetrix enum ` +
        '(PendingSupplier, Ordered, Shipped, BackOrdered, Error, NotAvailable, PartiallyShipped, ' +
        'Cancelled, Other) or its number 0-8',
      { details: { input: String(input) } },
    );
  }
}
