import { ExtraFeedFields, FeedValue } from './feed-fields';

/** `items/item-information` of an order-status-updated entry (api-reference §3.6). */
export interface ItemInformation extends ExtraFeedFields {
  readonly catalogId?: FeedValue<string>;
  readonly info?: FeedValue<string>;
  readonly message?: FeedValue<string>;
  readonly quantity?: FeedValue<number>;
  readonly shippingProvider?: FeedValue<string>;
  readonly sku?: FeedValue<string>;
  /** The status name as the feed writes it (e.g. "Shipped"); read it with `tryParseStatus`. */
  readonly status?: FeedValue<string>;
  /** Comma-separated tracking numbers; read them with `parseTrackingNumbers`. */
  readonly trackingInfo?: FeedValue<string>;
  /** Reserved by iQmetrix for internal use; listed in its tables, absent from its examples. */
  readonly referenceName?: FeedValue<string>;
  readonly referenceValue?: FeedValue<string>;
}

/**
 * The `data` of an order-status-updated event (contract "Topics"). iQmetrix documents no order-level
 * status in this entry; `status` and `trackingInfo` are typed in case one appears.
 */
export interface OrderStatusUpdated extends ExtraFeedFields {
  readonly orderId: string;
  readonly companyId?: FeedValue<number>;
  readonly items: readonly ItemInformation[];
  readonly supplierId?: FeedValue<number>;
  readonly status?: FeedValue<string>;
  readonly trackingInfo?: FeedValue<string>;
}
