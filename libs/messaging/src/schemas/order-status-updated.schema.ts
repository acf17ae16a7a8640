import { nonEmptyString, nullableInteger, nullableString } from './schema-fragments';

/** The camelCase `item-information` fields (api-reference §3.6). */
export const ITEM_INFORMATION_PROPERTIES = {
  catalogId: nullableString,
  info: { ...nullableString, description: 'General information, e.g. www.ups.com.' },
  message: { ...nullableString, description: 'Reason text.' },
  quantity: nullableInteger,
  shippingProvider: { ...nullableString, description: 'Carrier, e.g. UPS or Purolator.' },
  sku: { ...nullableString, description: 'Vendor SKU.' },
  status: { ...nullableString, description: 'Item status by name, as the feed writes it, e.g. Shipped.' },
  trackingInfo: { ...nullableString, description: 'Tracking number(s) as iQmetrix holds them, comma-separated.' },
  referenceName: { ...nullableString, description: 'Reserved by iQmetrix for internal use.' },
  referenceValue: { ...nullableString, description: 'Reserved by iQmetrix for internal use.' },
} as const;

/**
 * `data` of `com.iqmetrix.dropship.order-status-updated` on iqmetrix.dropship.order-status-updated.v1:
 * one order-status-updated feed entry as parsed, with the same naming and typing rules as
 * order-created (the event `id` is the Atom entry id). iQmetrix writes one of these for every status
 * the supplier sets, including the connector's own updates.
 */
export const ORDER_STATUS_UPDATED_DATA_SCHEMA = {
  type: 'object',
  description:
    'One order-status-updated feed entry, as parsed, with the rules of order-created; the event id is the ' +
    "Atom entry id. It includes iQmetrix's echo of the connector's own status updates.",
  required: ['orderId'],
  properties: {
    companyId: { ...nullableInteger, description: 'Retailer company id.' },
    items: {
      type: ['array', 'null'],
      description: 'The `item-information` elements of `items`.',
      items: { type: 'object', properties: ITEM_INFORMATION_PROPERTIES, additionalProperties: true },
    },
    orderId: { ...nonEmptyString, description: 'The Dropship order id (GUID).' },
    supplierId: nullableInteger,
  },
  additionalProperties: true,
} as const;

export interface ItemInformation {
  catalogId?: string | null;
  info?: string | null;
  message?: string | null;
  quantity?: number | null;
  shippingProvider?: string | null;
  sku?: string | null;
  status?: string | null;
  trackingInfo?: string | null;
  referenceName?: string | null;
  referenceValue?: string | null;
  [element: string]: unknown;
}

/** `data` of com.iqmetrix.dropship.order-status-updated. */
export interface OrderStatusUpdatedData {
  companyId?: number | null;
  items?: ItemInformation[] | null;
  orderId: string;
  supplierId?: number | null;
  [element: string]: unknown;
}
