import { DomainError } from '../errors/domain-error';

/** A tracking number that cannot travel in iQmetrix's comma-separated `TrackingInfo`. */
export class InvalidTrackingNumberError extends DomainError {
  constructor(reason: string) {
    super('TRACKING.INVALID', reason);
  }
}
