import { Status, tryParseStatus } from '../status/status';
import { orderStatusAfterItems } from '../status/order-status-after-items';
import { unionTrackingNumbers } from '../tracking/tracking-numbers';
import { ItemState, OrderState } from '../commands/order-state';

/** One item of a status iQmetrix reported back on its feed (dropship.order.status-confirmed). */
export interface ConfirmedItemStatus {
  readonly sku: string | null;
  readonly status: string | null;
  readonly trackingNumbers: readonly string[];
}

/** What a confirmation says: the order-level status (null when the items differ) and its items. */
export interface ConfirmedStatus {
  readonly status: string | null;
  readonly items: readonly ConfirmedItemStatus[];
  readonly trackingNumbers: readonly string[];
}

/** What the publisher knows besides the order's state when a confirmation arrives. */
export interface ConfirmationContext {
  /** Status PUTs iQmetrix answered 2xx for this order. */
  readonly putsDelivered: number;
  /** Confirmations of this order applied before this one. */
  readonly confirmationsSeen: number;
  /** Outbox rows of this order not yet delivered, failed or parked (queued or in flight). */
  readonly unfinishedPuts: number;
}

export interface MergedConfirmation {
  readonly next: OrderState;
  /** True when the confirmation's statuses were taken over (a change made outside the connector). */
  readonly statusApplied: boolean;
}

/**
 * Folds a confirmation into the order's state without undoing commands accepted after the status
 * it reports (api-reference decision 4: our own PUTs come back on the feed and are never commands).
 * - Tracking numbers are always added, never removed: iQmetrix holds them, so every later PUT must
 *   carry them too (decision 6). That can never regress anything.
 * - Statuses are taken over only when the order is quiet: every PUT iQmetrix accepted has already
 *   been echoed (confirmationsSeen ≥ putsDelivered) and nothing is queued or in flight. Otherwise the
 *   confirmation is, or may be, the echo of a PUT older than the state commands have since set, and
 *   applying it would move the order back (e.g. a late BackOrdered echo after Ordered was accepted).
 *   iQmetrix emits one entry per accepted PUT, and the feed keeps their order, so counting suffices;
 *   when an echo goes missing the rule errs towards keeping the connector's own state.
 */
export function mergeConfirmation(
  order: OrderState,
  confirmed: ConfirmedStatus,
  context: ConfirmationContext,
): MergedConfirmation {
  const quiet = context.confirmationsSeen >= context.putsDelivered && context.unfinishedPuts === 0;
  const items = order.items.map((item) => mergeItem(item, confirmed.items, quiet));
  const itemNumbers = items.flatMap((item) => item.trackingNumbers);
  const trackingNumbers = unionTrackingNumbers(order.trackingNumbers, [...confirmed.trackingNumbers, ...itemNumbers]);
  const status = quiet ? orderStatusAfterConfirmation(order.status, confirmed.status, items) : order.status;
  const next: OrderState = { ...order, status, trackingNumbers, items };
  const statusApplied = quiet && (status !== order.status || items.some((item, i) => item.status !== order.items[i].status));
  return { next, statusApplied };
}

function mergeItem(item: ItemState, confirmedItems: readonly ConfirmedItemStatus[], quiet: boolean): ItemState {
  const reports = confirmedItems.filter((confirmed) => confirmed.sku === item.sku);
  if (reports.length === 0) return item;
  const trackingNumbers = reports.reduce(
    (known, report) => unionTrackingNumbers(known, report.trackingNumbers),
    [...item.trackingNumbers],
  );
  const reported = tryParseStatus(reports[reports.length - 1].status);
  const status = quiet && reported !== undefined ? reported : item.status;
  return { ...item, status, trackingNumbers };
}

function orderStatusAfterConfirmation(current: Status, reported: string | null, items: readonly ItemState[]): Status {
  const status = tryParseStatus(reported);
  if (status !== undefined) return status;
  return orderStatusAfterItems(current, items.map((item) => item.status));
}
