import { OrderState } from './order-state';
import { ItemStatusUpdateBody, OrderStatusUpdateBody } from './status-update-bodies';

/** An accepted order-level command: `put` goes to `OrderStatusUpdate`. */
export interface AcceptedOrderCommand {
  readonly outcome: 'accepted';
  readonly level: 'order';
  readonly next: OrderState;
  readonly put: OrderStatusUpdateBody;
}

/** An accepted item-level command: `put` goes to `ItemStatusUpdate`. */
export interface AcceptedItemCommand {
  readonly outcome: 'accepted';
  readonly level: 'item';
  readonly next: OrderState;
  readonly put: ItemStatusUpdateBody;
}

/** A command that breaks the rules: nothing is sent, `reason` says why. */
export interface RejectedCommand {
  readonly outcome: 'rejected';
  readonly reason: string;
}

/**
 * The outcome of `decideCommand`: accepted with the order's state after it and the PUT that carries
 * it to iQmetrix, or rejected with the reason.
 */
export type Decision = AcceptedOrderCommand | AcceptedItemCommand | RejectedCommand;
