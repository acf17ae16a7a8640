import {
  ItemStatusUpdateBody,
  OrderStatusUpdateBody,
  StatusClient,
  StatusPutResult,
} from '@dropship/iqmetrix-client';
import { endpointOf, OutboxRow } from '../outbox/outbox.types';

/** Sends one outbox row through the status client, to the endpoint its path names. */
export class StatusSender {
  constructor(private readonly client: StatusClient) {}

  send(row: Pick<OutboxRow, 'orderId' | 'path' | 'body'>): Promise<StatusPutResult> {
    // The body is the domain's decision read back from jsonb; the client checks it field by field
    // (IqmetrixInvalidStatusBodyError) before anything is sent, so the cast cannot smuggle a bad PUT.
    if (endpointOf(row.path) === 'ItemStatusUpdate') {
      return this.client.putItemStatus(row.orderId, row.body as unknown as ItemStatusUpdateBody);
    }
    return this.client.putOrderStatus(row.orderId, row.body as unknown as OrderStatusUpdateBody);
  }
}
