import { AppError } from '@dropship/platform';

/**
 * A status body that would be wrong on the wire (Id not the URL's order id, Status not an enum
 * number, TrackingInfo not a string, …). Nothing was sent; retrying the same body cannot help.
 */
export class IqmetrixInvalidStatusBodyError extends AppError {
  constructor(reason: string, orderId: string) {
    super('IQMETRIX.INVALID_STATUS_BODY', `status update for order ${orderId} not sent: ${reason}`, {
      retriable: false,
      details: { orderId, reason },
    });
  }
}
