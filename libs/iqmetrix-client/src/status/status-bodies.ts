/**
 * Wire bodies of the status PUTs (api-reference §4.2, §4.3, decisions 5 and 8). `Status` is the enum
 * number and always sent (omitted means PendingSupplier); `TrackingInfo` is one string, several
 * numbers joined with commas; `Id` equals the order id in the URL.
 */
export interface OrderStatusUpdateBody {
  Id: string;
  Status: number;
  TrackingInfo?: string;
  ShippingProvider?: string;
  Message?: string;
}

export interface ItemInformationBody {
  Sku: string;
  Status: number;
  Quantity?: number;
  TrackingInfo?: string;
  ShippingProvider?: string;
  Message?: string;
}

export interface ItemStatusUpdateBody {
  Id: string;
  ItemInformation: ItemInformationBody[];
}
