import {
  Complete,
  Seller,
  SELLER_PROPERTIES,
  SHIPPING_ADDRESS_PROPERTIES,
  SHIPPING_CUSTOMER_PROPERTIES,
  ShippingAddress,
  ShippingCustomer,
} from './order-parties.schema';
import { dateTime, nonEmptyString, nullableNumber, nullableString } from './schema-fragments';

/** One item of a normalized order: what status commands and fulfilment key on. */
export const RECEIVED_ORDER_ITEM_SCHEMA = {
  type: 'object',
  required: ['sku', 'catalogId', 'description', 'quantity', 'sellingPrice'],
  properties: {
    sku: { ...nonEmptyString, description: 'Vendor SKU: the key of item-level status commands.' },
    catalogId: nullableString,
    description: nullableString,
    quantity: { type: 'integer', minimum: 0, description: 'Units ordered.' },
    sellingPrice: nullableNumber,
  },
  additionalProperties: true,
} as const;

/**
 * `data` of `dropship.order.received` on dropship.orders.v1 (and a copy on each matching
 * dropship.orders.<route>.v1): a new order, normalized by the order-router, exactly once per order.
 * It keeps the order-created names and every field the feed carried (unknown elements included),
 * and adds guarantees internal services can build on:
 * - every documented key is present (null when the feed said `i:nil` or left it out);
 * - `shipToStore` is a boolean ("true"/"1" → true, in any case; anything else, nil included → false);
 * - `supplierId` is a number (the configured supplier id when the feed had none);
 * - `items` has at least one item, each with a SKU and an integer quantity;
 * - `entryId` is the Atom entry id and `receivedAt` the entry's `published` time.
 * An order-created entry that cannot meet these (no items, an item without SKU or quantity) goes
 * to dropship.orders.dlq.v1 instead.
 */
export const ORDER_RECEIVED_DATA_SCHEMA = {
  type: 'object',
  description:
    'A new order, normalized, published once per order. It keeps the order-created names and every field ' +
    'the feed carried (unknown ones too), and guarantees: every documented key is present (null when the feed ' +
    'had i:nil or nothing); shipToStore is a boolean ("true"/"1" are true, anything else false); supplierId is ' +
    "a number (the configured supplier id when the feed had none); items has at least one item, each with a " +
    'SKU and an integer quantity; entryId is the Atom entry id and receivedAt its published time. An entry ' +
    'that cannot meet these goes to the dead-letter topic instead.',
  required: [
    'orderId',
    'entryId',
    'receivedAt',
    'supplierId',
    'shipToStore',
    'shippingMethod',
    'seller',
    'shippingAddress',
    'shippingCustomer',
    'items',
  ],
  properties: {
    orderId: { ...nonEmptyString, description: 'The Dropship order id: the record key and event subject.' },
    entryId: { ...nonEmptyString, description: 'Id of the Atom entry that announced the order.' },
    receivedAt: { ...dateTime, description: 'When iQmetrix published the order-created entry.' },
    supplierId: { type: 'integer' },
    shipToStore: { type: 'boolean', description: 'True when the order ships to the store.' },
    shippingMethod: { ...nullableString, description: "The supplier's shipping option id." },
    seller: {
      type: 'object',
      required: Object.keys(SELLER_PROPERTIES),
      properties: SELLER_PROPERTIES,
      additionalProperties: true,
    },
    shippingAddress: {
      type: ['object', 'null'],
      required: Object.keys(SHIPPING_ADDRESS_PROPERTIES),
      properties: SHIPPING_ADDRESS_PROPERTIES,
      additionalProperties: true,
    },
    shippingCustomer: {
      type: ['object', 'null'],
      required: Object.keys(SHIPPING_CUSTOMER_PROPERTIES),
      properties: SHIPPING_CUSTOMER_PROPERTIES,
      additionalProperties: true,
    },
    items: { type: 'array', minItems: 1, items: RECEIVED_ORDER_ITEM_SCHEMA },
  },
  additionalProperties: true,
} as const;

export interface ReceivedOrderItem {
  sku: string;
  catalogId: string | null;
  description: string | null;
  quantity: number;
  sellingPrice: number | null;
  [element: string]: unknown;
}

/** `data` of dropship.order.received: the normalized order. */
export interface OrderReceivedData {
  orderId: string;
  entryId: string;
  receivedAt: string;
  supplierId: number;
  shipToStore: boolean;
  shippingMethod: string | null;
  seller: Complete<Seller>;
  shippingAddress: Complete<ShippingAddress> | null;
  shippingCustomer: Complete<ShippingCustomer> | null;
  items: ReceivedOrderItem[];
  [element: string]: unknown;
}
