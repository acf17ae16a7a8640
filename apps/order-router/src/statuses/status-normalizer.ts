import type { ConfirmedItem, EventOf, ItemInformation, OrderStatusConfirmedData } from '@dropship/messaging';
import { EVENT_TYPES, validateEventData } from '@dropship/messaging';
import { parseTrackingNumbers } from '@dropship/domain';
import { stableStringify, withExtras } from '../orders/feed-extras';
import { StatusNotNormalizableError } from './statuses.errors';

export type OrderStatusUpdatedEvent = EventOf<typeof EVENT_TYPES.orderStatusUpdated>;

/** The documented item-information keys every confirmed item carries (reference fields only when sent). */
const ITEM_KEYS = ['catalogId', 'info', 'message', 'quantity', 'shippingProvider', 'sku', 'status', 'trackingInfo'] as const;
const RESERVED_ITEM_KEYS = ['referenceName', 'referenceValue'] as const;

export interface NormalizedStatus {
  data: OrderStatusConfirmedData;
  /**
   * What the entry says about the order, without the entry's own identity and time: two entries
   * with the same fingerprint report no change, so the second is not confirmed again.
   */
  fingerprint: string;
}

/**
 * The `dropship.order.status-confirmed` data of an order-status-updated event: items completed
 * with every documented key, their tracking numbers as lists and the union over the entry, and the
 * order-level status (the one every item reports, or the entry's own when it carries one).
 */
export function normalizeStatus(event: OrderStatusUpdatedEvent): NormalizedStatus {
  const { orderId, companyId, supplierId, items, status, trackingInfo } = event.data;
  const confirmedItems = (items ?? []).map(confirmedItem);
  const trackingNumbers = union([
    ...confirmedItems.flatMap((item) => item.trackingNumbers),
    ...parseTrackingNumbers(typeof trackingInfo === 'string' ? trackingInfo : null),
  ]);
  const documented: OrderStatusConfirmedData = {
    orderId,
    entryId: event.id,
    confirmedAt: event.time,
    status: typeof status === 'string' ? status : commonStatus(confirmedItems),
    companyId: companyId ?? null,
    supplierId: supplierId ?? null,
    items: confirmedItems,
    trackingNumbers,
  };
  const data = withExtras(documented, event.data) as OrderStatusConfirmedData;
  const checked = validateEventData(EVENT_TYPES.orderStatusConfirmed, data);
  if (!checked.valid) throw new StatusNotNormalizableError(`the confirmation breaks its schema: ${checked.reason}`);
  const { entryId: _entryId, confirmedAt: _confirmedAt, ...reported } = data;
  return { data, fingerprint: stableStringify(reported) };
}

function confirmedItem(item: ItemInformation): ConfirmedItem {
  const documented: Record<string, unknown> = {};
  for (const key of ITEM_KEYS) documented[key] = item[key] ?? null;
  for (const key of RESERVED_ITEM_KEYS) if (item[key] !== undefined) documented[key] = item[key];
  documented['trackingNumbers'] = union(parseTrackingNumbers(item.trackingInfo));
  return withExtras(documented, item) as ConfirmedItem;
}

/** The status all items share; null when they differ or there are none (the schema's rule). */
function commonStatus(items: readonly ConfirmedItem[]): string | null {
  const statuses = new Set(items.map((item) => item.status));
  const [only] = statuses;
  return statuses.size === 1 && only !== undefined ? only : null;
}

function union(numbers: readonly string[]): string[] {
  return [...new Set(numbers)];
}
