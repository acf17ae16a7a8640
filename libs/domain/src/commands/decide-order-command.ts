import { Status, statusName, tryParseStatus } from '../status/status';
import { checkTransition } from '../status/status-transitions';
import { formatTrackingInfo, unionTrackingNumbers } from '../tracking/tracking-numbers';
import { Decision } from './decision';
import { rejected, repeatedShippedWithoutNewNumber, withoutUndefined } from './decision-rules';
import { OrderState } from './order-state';
import { StatusCommand } from './status-command';

/**
 * An order-level PUT sets every item's status too, so each item must be allowed to make the move.
 * Items already in the target status are left as they are (cancelling an order with a cancelled
 * item is fine). When one item cannot follow (e.g. a cancelled item and an order-level Shipped),
 * the command is rejected and the sender updates the other items with an item-level command.
 */
function itemThatCannotFollow(order: OrderState, target: Status): string | undefined {
  for (const item of order.items) {
    if (item.status === target) continue;
    const check = checkTransition(item.status, target, 'item');
    if (!check.allowed) {
      return (
        `an order-level ${statusName(target)} sets every item's status, but SKU ${item.sku} cannot follow ` +
        `(${check.reason}); send an item-level command for the other items`
      );
    }
  }
  return undefined;
}

/** Every number known for the order: its own and its items' (they are kept in step, this is a safety net). */
function knownOrderNumbers(order: OrderState): string[] {
  return order.items.reduce((known, item) => unionTrackingNumbers(known, item.trackingNumbers), [
    ...order.trackingNumbers,
  ]);
}

/** See `decideCommand`; `command` has no `items`. */
export function decideOrderCommand(order: OrderState, command: StatusCommand): Decision {
  const target = tryParseStatus(command.status);
  if (target === undefined) return rejected(`unknown status ${JSON.stringify(command.status)}`);
  const check = checkTransition(order.status, target, 'order');
  if (!check.allowed) return rejected(check.reason);
  const itemProblem = itemThatCannotFollow(order, target);
  if (itemProblem !== undefined) return rejected(itemProblem);

  const known = knownOrderNumbers(order);
  const after = unionTrackingNumbers(known, command.trackingNumbers ?? []);
  const repeatProblem = repeatedShippedWithoutNewNumber(order.status, target, { known, after }, 'order');
  if (repeatProblem !== undefined) return rejected(repeatProblem);

  const next: OrderState = {
    ...order,
    status: target,
    trackingNumbers: after,
    items: order.items.map((item) => ({ ...item, status: target })),
  };
  const put = withoutUndefined({
    Id: order.orderId,
    Status: target,
    TrackingInfo: after.length > 0 ? formatTrackingInfo(after) : undefined,
    ShippingProvider: command.shippingProvider,
    Message: command.message,
  });
  return { outcome: 'accepted', level: 'order', next, put };
}
