import { StatusValue, STATUS_NAMES, STATUS_NUMBERS } from './status-names';
import { nonEmptyString, trackingNumberList } from './schema-fragments';

const statusValue = {
  type: ['string', 'integer'],
  enum: [...STATUS_NAMES, ...STATUS_NUMBERS],
  description: 'A status name of the iQmetrix enum (case-sensitive) or its number 0-8.',
} as const;

const trackingNumbers = {
  ...trackingNumberList,
  description: 'Added to the tracking numbers already known for the order or item, never replacing them.',
} as const;

const shippingProvider = { ...nonEmptyString, description: 'Carrier, e.g. UPS.' } as const;
const message = { type: 'string', description: 'Free text for iQmetrix.' } as const;

/** One item of an item-level command. */
export const STATUS_COMMAND_ITEM_SCHEMA = {
  type: 'object',
  required: ['sku'],
  properties: {
    sku: { ...nonEmptyString, description: 'Vendor SKU of an item of the order.' },
    status: statusValue,
    quantity: { type: 'integer', minimum: 1, description: 'Units this update is about (partial shipments).' },
    trackingNumbers,
    shippingProvider,
    message,
  },
  additionalProperties: false,
} as const;

/**
 * `data` of `dropship.status.command` on dropship.status-commands.v1 (contract "Status commands").
 * - Without `items`: an order-level update; `status` is required.
 * - With `items` (at least one): an item-level update. The top-level `status`, `trackingNumbers`,
 *   `shippingProvider` and `message` are defaults for items that leave them out, so each item needs
 *   a `status` only when there is no top-level one.
 * - `commandId` is the idempotency key: any non-empty text up to 200 characters; senders should
 *   use a UUID. The same id twice has one effect.
 * Unknown fields are refused (a misspelt `trackingNumber` must not be silently ignored); the command
 * is then answered `rejected` with the reason.
 */
export const STATUS_COMMAND_DATA_SCHEMA = {
  type: 'object',
  description:
    "A command to change an order's or its items' status. Without items it is an order-level update and " +
    'status is required. With items it is an item-level update: the top-level status, trackingNumbers, ' +
    'shippingProvider and message are defaults for items that leave them out, so an item needs its own ' +
    'status only when there is no top-level one. Unknown fields are refused. A command that breaks this ' +
    'schema or the status rules, or names an unknown order or SKU, is answered rejected.',
  required: ['commandId', 'orderId'],
  properties: {
    commandId: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      pattern: '\\S',
      description:
        'Chosen by the sender: the idempotency key (the same id twice has one effect). Any non-blank text ' +
        'up to 200 characters; senders should use a UUID.',
    },
    orderId: { ...nonEmptyString, description: 'The iQmetrix (Dropship) order id; also the record key.' },
    status: statusValue,
    trackingNumbers,
    shippingProvider,
    message,
    items: {
      type: 'array',
      minItems: 1,
      description: 'Present: an item-level update; absent: order-level.',
      items: STATUS_COMMAND_ITEM_SCHEMA,
    },
  },
  additionalProperties: false,
  allOf: [
    { if: { required: ['items'] }, else: { required: ['status'] } },
    {
      if: { required: ['status'] },
      else: { properties: { items: { type: 'array', items: { type: 'object', required: ['status'] } } } },
    },
  ],
} as const;

export interface StatusCommandItem {
  sku: string;
  status?: StatusValue;
  quantity?: number;
  trackingNumbers?: string[];
  shippingProvider?: string;
  message?: string;
}

/** `data` of dropship.status.command. */
export interface StatusCommandData {
  commandId: string;
  orderId: string;
  status?: StatusValue;
  trackingNumbers?: string[];
  shippingProvider?: string;
  message?: string;
  items?: StatusCommandItem[];
}
