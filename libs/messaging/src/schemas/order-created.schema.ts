import {
  Seller,
  SELLER_PROPERTIES,
  SHIPPING_ADDRESS_PROPERTIES,
  SHIPPING_CUSTOMER_PROPERTIES,
  ShippingAddress,
  ShippingCustomer,
} from './order-parties.schema';
import { nonEmptyString, nullableInteger, nullableNumber, nullableString } from './schema-fragments';

/** One `order-item` of an order-created entry. */
export const ORDER_CREATED_ITEM_SCHEMA = {
  type: 'object',
  description: 'One `items/order-item` element.',
  properties: {
    catalogId: { ...nullableString, description: 'Catalog item id (a GUID in practice).' },
    description: nullableString,
    quantity: nullableInteger,
    sellingPrice: { ...nullableNumber, description: 'Decimal `selling-price` as a JSON number.' },
    sku: { ...nullableString, description: 'Vendor (supplier) SKU.' },
  },
  additionalProperties: true,
} as const;

/**
 * `data` of `com.iqmetrix.dropship.order-created` on iqmetrix.dropship.order-created.v1: one
 * order-created feed entry as parsed. The event `id` is the Atom entry id and `time` the entry's
 * `published` time. Names are camelCase versions of the feed's elements; quantity, selling-price,
 * company-id, location-id and supplier-id are JSON numbers, every other value keeps its text exactly;
 * `i:nil` is null. Unknown elements are kept (camelCase, text or nested objects), so every object is
 * open. Only `orderId` is required: it is the record key and the event subject.
 */
export const ORDER_CREATED_DATA_SCHEMA = {
  type: 'object',
  description:
    'One order-created feed entry, as parsed; the event id is the Atom entry id. Names are camelCase versions of ' +
    'the feed elements; quantity, sellingPrice, companyId, locationId and supplierId are numbers, every other ' +
    'value keeps its text exactly; i:nil is null. Unknown elements are kept. Only orderId is required.',
  required: ['orderId'],
  properties: {
    orderId: { ...nonEmptyString, description: 'The Dropship order id (GUID): the id for status updates.' },
    items: {
      type: ['array', 'null'],
      description: 'The `order-item` elements of `items`.',
      items: ORDER_CREATED_ITEM_SCHEMA,
    },
    seller: {
      type: ['object', 'null'],
      properties: SELLER_PROPERTIES,
      additionalProperties: true,
    },
    shipToStore: {
      ...nullableString,
      description:
        'The feed text of `ship-to-store` as written, e.g. "true" (normalized to a boolean in dropship.order.received).',
    },
    shippingAddress: {
      type: ['object', 'null'],
      properties: SHIPPING_ADDRESS_PROPERTIES,
      additionalProperties: true,
    },
    shippingCustomer: {
      type: ['object', 'null'],
      properties: SHIPPING_CUSTOMER_PROPERTIES,
      additionalProperties: true,
    },
    shippingMethod: { ...nullableString, description: "The supplier's shipping option id, e.g. \"123\"." },
    supplierId: nullableInteger,
  },
  additionalProperties: true,
} as const;

export interface OrderCreatedItem {
  catalogId?: string | null;
  description?: string | null;
  quantity?: number | null;
  sellingPrice?: number | null;
  sku?: string | null;
  [element: string]: unknown;
}

/** `data` of com.iqmetrix.dropship.order-created. */
export interface OrderCreatedData {
  orderId: string;
  items?: OrderCreatedItem[] | null;
  seller?: Seller | null;
  shipToStore?: string | null;
  shippingAddress?: ShippingAddress | null;
  shippingCustomer?: ShippingCustomer | null;
  shippingMethod?: string | null;
  supplierId?: number | null;
  [element: string]: unknown;
}
