import { DomainError } from '../errors/domain-error';
import { ExtraFeedFields, FeedValue } from './feed-fields';

/** `items/order-item` of an order-created entry (api-reference §3.5). */
export interface OrderItem extends ExtraFeedFields {
  readonly catalogId?: FeedValue<string>;
  readonly description?: FeedValue<string>;
  readonly quantity?: FeedValue<number>;
  readonly sellingPrice?: FeedValue<number>;
  readonly sku?: FeedValue<string>;
}

/** `seller`: the retailer and the store that sold the order. */
export interface Seller extends ExtraFeedFields {
  readonly companyId?: FeedValue<number>;
  readonly locationId?: FeedValue<number>;
  readonly poReference?: FeedValue<string>;
  /** A string: printable ids keep their leading zeros ("02146912"). */
  readonly printableId?: FeedValue<string>;
}

/** `shipping-address`: personal data, never logged. */
export interface ShippingAddress extends ExtraFeedFields {
  readonly addressId?: FeedValue<string>;
  readonly attentionTo?: FeedValue<string>;
  readonly country?: FeedValue<string>;
  readonly countryCode?: FeedValue<string>;
  readonly locality?: FeedValue<string>;
  readonly notes?: FeedValue<string>;
  readonly phone?: FeedValue<string>;
  readonly postOfficeBoxNumber?: FeedValue<string>;
  readonly postalCode?: FeedValue<string>;
  readonly region?: FeedValue<string>;
  readonly regionCode?: FeedValue<string>;
  readonly streetAddress1?: FeedValue<string>;
  readonly streetAddress2?: FeedValue<string>;
  readonly type?: FeedValue<string>;
}

/** `shipping-customer`: personal data, never logged. */
export interface ShippingCustomer extends ExtraFeedFields {
  readonly customerId?: FeedValue<string>;
  readonly alternateName?: FeedValue<string>;
  readonly familyName?: FeedValue<string>;
  readonly middleName?: FeedValue<string>;
  readonly notes?: FeedValue<string>;
  readonly primaryName?: FeedValue<string>;
  readonly title?: FeedValue<string>;
  readonly type?: FeedValue<string>;
}

/**
 * The `data` of an order-created event: the feed's `order-created` element with camelCase names
 * (contract "Topics"). Only the five documented integers and decimals are numbers; every other value
 * keeps the feed's text, so `shipToStore` is the string "true" or "false" (see {@link isShipToStore}).
 * `items` is the `items` container's `order-item` list; the parser writes `[]` when it is empty.
 */
export interface OrderCreated extends ExtraFeedFields {
  readonly orderId: string;
  readonly items: readonly OrderItem[];
  readonly seller?: FeedValue<Seller>;
  readonly shipToStore?: FeedValue<string>;
  readonly shippingAddress?: FeedValue<ShippingAddress>;
  readonly shippingCustomer?: FeedValue<ShippingCustomer>;
  readonly shippingMethod?: FeedValue<string>;
  readonly supplierId?: FeedValue<number>;
}

/** A `ship-to-store` text that is not an XML Schema boolean. */
export class InvalidShipToStoreError extends DomainError {
  constructor(readonly text: string) {
    super('ORDER.SHIP_TO_STORE_INVALID', `ship-to-store is "${text}", expected true, false, 1 or 0`, {
      details: { text },
    });
  }
}

/**
 * Whether the order ships to the store, read from its `ship-to-store` text with XML Schema boolean
 * rules ("true"/"false"/"1"/"0"; letter case and surrounding spaces tolerated). A nil or missing value
 * means the order does not say so: false. Other text throws {@link InvalidShipToStoreError} rather than
 * guessing where a parcel goes.
 */
export function isShipToStore(order: Pick<OrderCreated, 'shipToStore'>): boolean {
  const text = order.shipToStore;
  if (text === null || text === undefined) return false;
  const normalized = text.trim().toLowerCase();
  if (normalized === 'true' || normalized === '1') return true;
  if (normalized === 'false' || normalized === '0') return false;
  throw new InvalidShipToStoreError(text);
}
