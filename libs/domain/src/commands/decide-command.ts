import { Decision } from './decision';
import { rejected, trackingNumbersProblem } from './decision-rules';
import { decideItemCommand } from './decide-item-command';
import { decideOrderCommand } from './decide-order-command';
import { OrderState } from './order-state';
import { StatusCommand } from './status-command';

/**
 * Decides a status command against the order's known state (pure: no I/O, no clock). An order-level
 * command (no `items`) checks the order's transition and every item's, because iQmetrix sets each
 * item to the order's status; an item-level command checks each named item. Tracking numbers are
 * added to those known, and each PUT carries all of them for its order or item. The caller keeps
 * `next` as the order's state once it has stored the decision, and sends `put`.
 */
export function decideCommand(order: OrderState, command: StatusCommand): Decision {
  if (command.orderId !== order.orderId) {
    return rejected(`command is for order ${command.orderId} but was decided against order ${order.orderId}`);
  }
  const trackingProblem = trackingNumbersProblem(command.trackingNumbers);
  if (trackingProblem !== undefined) return rejected(trackingProblem);
  return command.items === undefined ? decideOrderCommand(order, command) : decideItemCommand(order, command);
}
