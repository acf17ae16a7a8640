import { tryParseStatus } from '../status/status';
import { checkTransition } from '../status/status-transitions';
import { orderStatusAfterItems } from '../status/order-status-after-items';
import { formatTrackingInfo, unionTrackingNumbers } from '../tracking/tracking-numbers';
import { Decision } from './decision';
import { rejected, repeatedShippedWithoutNewNumber, trackingNumbersProblem, withoutUndefined } from './decision-rules';
import { ItemState, OrderState } from './order-state';
import { ItemCommand, StatusCommand } from './status-command';
import { ItemStatusUpdateEntry } from './status-update-bodies';

type ItemOutcome =
  | { readonly entry: ItemStatusUpdateEntry; readonly next: ItemState; readonly added: readonly string[] }
  | { readonly reason: string };

function quantityProblem(quantity: number | undefined, item: ItemState): string | undefined {
  if (quantity === undefined) return undefined;
  if (!Number.isInteger(quantity) || quantity <= 0) {
    return `SKU ${item.sku}: quantity ${quantity} is not a positive integer`;
  }
  if (quantity > item.quantity) {
    return `SKU ${item.sku}: quantity ${quantity} is more than the ${item.quantity} ordered`;
  }
  return undefined;
}

/** Checks one item of the command and works out its PUT entry and its state after. */
function decideItem(item: ItemState, itemCommand: ItemCommand, command: StatusCommand): ItemOutcome {
  const requested = itemCommand.status ?? command.status;
  const target = tryParseStatus(requested);
  if (target === undefined) return { reason: `SKU ${item.sku}: unknown status ${JSON.stringify(requested)}` };
  const check = checkTransition(item.status, target, 'item');
  if (!check.allowed) return { reason: `SKU ${item.sku}: ${check.reason}` };
  const problem = quantityProblem(itemCommand.quantity, item) ?? trackingNumbersProblem(itemCommand.trackingNumbers);
  if (problem !== undefined) return { reason: problem };

  const added = itemCommand.trackingNumbers ?? command.trackingNumbers ?? [];
  const after = unionTrackingNumbers(item.trackingNumbers, added);
  const numbers = { known: item.trackingNumbers, after };
  const repeatProblem = repeatedShippedWithoutNewNumber(item.status, target, numbers, 'item');
  if (repeatProblem !== undefined) return { reason: `SKU ${item.sku}: ${repeatProblem}` };

  const entry = withoutUndefined({
    Sku: item.sku,
    Status: target,
    Quantity: itemCommand.quantity,
    TrackingInfo: after.length > 0 ? formatTrackingInfo(after) : undefined,
    ShippingProvider: itemCommand.shippingProvider ?? command.shippingProvider,
    Message: itemCommand.message ?? command.message,
  });
  return { entry, next: { ...item, status: target, trackingNumbers: after }, added };
}

/** Why the command's item list cannot be decided item by item (empty, or a SKU twice), or undefined. */
function itemListProblem(items: readonly ItemCommand[]): string | undefined {
  if (items.length === 0) return 'items is empty: leave it out for an order-level update';
  const seen = new Set<string>();
  for (const { sku } of items) {
    if (seen.has(sku)) return `SKU ${sku} appears more than once in the command`;
    seen.add(sku);
  }
  return undefined;
}

/** See `decideCommand`; `command` has `items`. */
export function decideItemCommand(order: OrderState, command: StatusCommand): Decision {
  const itemCommands = command.items ?? [];
  const listProblem = itemListProblem(itemCommands);
  if (listProblem !== undefined) return rejected(listProblem);

  const entries: ItemStatusUpdateEntry[] = [];
  const nextBySku = new Map<string, ItemState>();
  let orderNumbers = [...order.trackingNumbers];
  for (const itemCommand of itemCommands) {
    const item = order.items.find((candidate) => candidate.sku === itemCommand.sku);
    if (item === undefined) return rejected(`unknown SKU ${itemCommand.sku} in order ${order.orderId}`);
    const outcome = decideItem(item, itemCommand, command);
    if ('reason' in outcome) return rejected(outcome.reason);
    entries.push(outcome.entry);
    nextBySku.set(item.sku, outcome.next);
    orderNumbers = unionTrackingNumbers(orderNumbers, outcome.added);
  }

  const items = order.items.map((item) => nextBySku.get(item.sku) ?? item);
  const status = orderStatusAfterItems(order.status, items.map((item) => item.status));
  const next: OrderState = { ...order, status, trackingNumbers: orderNumbers, items };
  return { outcome: 'accepted', level: 'item', next, put: { Id: order.orderId, ItemInformation: entries } };
}
