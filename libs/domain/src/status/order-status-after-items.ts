import { Status } from './status';

/**
 * The order status the connector assumes after item-level updates, from the items' statuses.
 * iQmetrix does not document how it derives an order's status from its items, so this is the
 * connector's view, used to check later order-level commands:
 * - cancelled items do not count while others remain; all cancelled → Cancelled;
 * - every remaining item Shipped → Shipped; some shipped (wholly or in part) → PartiallyShipped;
 * - every remaining item in one status → that status;
 * - otherwise (mixed, nothing shipped) the order keeps `current`.
 */
export function orderStatusAfterItems(current: Status, itemStatuses: readonly Status[]): Status {
  if (itemStatuses.length === 0) return current;
  const active = itemStatuses.filter((status) => status !== Status.Cancelled);
  if (active.length === 0) return Status.Cancelled;
  if (active.every((status) => status === Status.Shipped)) return Status.Shipped;
  if (active.some((status) => status === Status.Shipped || status === Status.PartiallyShipped)) {
    return Status.PartiallyShipped;
  }
  return active.every((status) => status === active[0]) ? active[0] : current;
}
