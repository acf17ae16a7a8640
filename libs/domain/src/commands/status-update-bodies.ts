import { Status } from '../status/status';

/**
 * Body of `PUT …/Orders({OrderId})/OrderStatusUpdate` (api-reference §4.2). `Status` is always present
 * and a number (an omitted Status means PendingSupplier); `TrackingInfo` is left out when no number is known.
 */
export interface OrderStatusUpdateBody {
  readonly Id: string;
  readonly Status: Status;
  readonly TrackingInfo?: string;
  readonly ShippingProvider?: string;
  readonly Message?: string;
}

/** One entry of an item status update (api-reference §4.3). */
export interface ItemStatusUpdateEntry {
  readonly Sku: string;
  readonly Status: Status;
  readonly Quantity?: number;
  readonly TrackingInfo?: string;
  readonly ShippingProvider?: string;
  readonly Message?: string;
}

/** Body of `PUT …/Orders({OrderId})/ItemStatusUpdate` (api-reference §4.3). */
export interface ItemStatusUpdateBody {
  readonly Id: string;
  readonly ItemInformation: readonly ItemStatusUpdateEntry[];
}

/** True for an item status update body, which goes to `ItemStatusUpdate` rather than `OrderStatusUpdate`. */
export function isItemStatusUpdateBody(
  body: OrderStatusUpdateBody | ItemStatusUpdateBody,
): body is ItemStatusUpdateBody {
  return 'ItemInformation' in body;
}
