/**
 * One item of an item-level status command (contract "Status commands"). Fields left out fall back to
 * the command's own `status`, `trackingNumbers`, `shippingProvider` and `message`, so one shipment of
 * several items can be written once.
 */
export interface ItemCommand {
  readonly sku: string;
  /** A status name or number; defaults to the command's `status`. */
  readonly status?: string | number;
  /** Units this update is about (partial shipments): a positive integer, at most the ordered quantity. */
  readonly quantity?: number;
  /** Added to the item's known tracking numbers; defaults to the command's `trackingNumbers`. */
  readonly trackingNumbers?: readonly string[];
  readonly shippingProvider?: string;
  readonly message?: string;
}

/**
 * The `data` of a `dropship.status.command` event: an order-level update when `items` is absent, an
 * item-level update when present. `commandId` is the sender's idempotency key.
 */
export interface StatusCommand {
  readonly commandId: string;
  readonly orderId: string;
  /** A status name of the iQmetrix enum (any letter case) or its number. */
  readonly status: string | number;
  /** Added to the tracking numbers already known, never replacing them. */
  readonly trackingNumbers?: readonly string[];
  readonly shippingProvider?: string;
  readonly message?: string;
  readonly items?: readonly ItemCommand[];
}
