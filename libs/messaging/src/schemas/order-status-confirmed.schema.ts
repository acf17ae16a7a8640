import { ITEM_INFORMATION_PROPERTIES, ItemInformation } from './order-status-updated.schema';
import { dateTime, nonEmptyString, nullableInteger, nullableString, trackingNumberList } from './schema-fragments';

/** One item of a confirmation: the feed's item-information plus its tracking numbers as a list. */
export const CONFIRMED_ITEM_SCHEMA = {
  type: 'object',
  // referenceName/referenceValue stay optional: iQmetrix reserves them and its examples omit them.
  required: [
    'catalogId',
    'info',
    'message',
    'quantity',
    'shippingProvider',
    'sku',
    'status',
    'trackingInfo',
    'trackingNumbers',
  ],
  properties: {
    ...ITEM_INFORMATION_PROPERTIES,
    trackingNumbers: {
      ...trackingNumberList,
      description: "`trackingInfo` split at commas, trimmed, without empties or repeats, in iQmetrix's order.",
    },
  },
  additionalProperties: true,
} as const;

/**
 * `data` of `dropship.order.status-confirmed` on dropship.orders.v1: a status iQmetrix reported on
 * the feed (an order-status-updated entry), normalized by the order-router. It follows the order's
 * `dropship.order.received` on the same partition. Status names are kept as iQmetrix writes them
 * (normally one of PendingSupplier, Ordered, Shipped, BackOrdered, Error, NotAvailable,
 * PartiallyShipped, Cancelled, Other). Unknown elements are kept.
 */
export const ORDER_STATUS_CONFIRMED_DATA_SCHEMA = {
  type: 'object',
  description:
    'A status iQmetrix reported back on the feed (an order-status-updated entry), normalized; it follows the ' +
    "order's dropship.order.received. Status names are kept as iQmetrix writes them. Each item's trackingInfo " +
    'is also given as a list, and trackingNumbers is their union. Unknown elements are kept.',
  required: ['orderId', 'entryId', 'confirmedAt', 'status', 'companyId', 'supplierId', 'items', 'trackingNumbers'],
  properties: {
    orderId: { ...nonEmptyString, description: 'The Dropship order id: the record key and event subject.' },
    entryId: { ...nonEmptyString, description: 'Id of the Atom entry that reported the status.' },
    confirmedAt: { ...dateTime, description: 'When iQmetrix published the order-status-updated entry.' },
    status: {
      ...nullableString,
      description: 'The order-level status: the status every item reports, or null when the items differ or there are none.',
    },
    companyId: nullableInteger,
    supplierId: nullableInteger,
    items: { type: 'array', items: CONFIRMED_ITEM_SCHEMA },
    trackingNumbers: {
      ...trackingNumberList,
      description: 'Every tracking number of the entry (the union over its items), without repeats.',
    },
  },
  additionalProperties: true,
} as const;

export interface ConfirmedItem extends ItemInformation {
  catalogId: string | null;
  info: string | null;
  message: string | null;
  quantity: number | null;
  shippingProvider: string | null;
  sku: string | null;
  status: string | null;
  trackingInfo: string | null;
  trackingNumbers: string[];
}

/** `data` of dropship.order.status-confirmed. */
export interface OrderStatusConfirmedData {
  orderId: string;
  entryId: string;
  confirmedAt: string;
  status: string | null;
  companyId: number | null;
  supplierId: number | null;
  items: ConfirmedItem[];
  trackingNumbers: string[];
  [element: string]: unknown;
}
