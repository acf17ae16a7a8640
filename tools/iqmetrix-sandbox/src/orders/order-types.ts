/**
 * An order as the feed's `order-created` carries it (api-reference §3.5), with camelCase names
 * of the elements, the same names the connector's messages use. `null` is written `i:nil="true"`.
 */
export interface SandboxOrderItem {
  catalogId: string | null;
  description: string | null;
  quantity: number | null;
  /** Decimal text as written in the feed (`100`, `24.99`), so no float rounding creeps in. */
  sellingPrice: string | null;
  sku: string | null;
}

export interface SandboxSeller {
  companyId: number | null;
  locationId: number | null;
  poReference: string | null;
  printableId: string | null;
}

export interface SandboxShippingAddress {
  addressId: string | null;
  attentionTo: string | null;
  country: string | null;
  countryCode: string | null;
  locality: string | null;
  notes: string | null;
  phone: string | null;
  postOfficeBoxNumber: string | null;
  postalCode: string | null;
  region: string | null;
  regionCode: string | null;
  streetAddress1: string | null;
  streetAddress2: string | null;
  type: string | null;
}

export interface SandboxShippingCustomer {
  alternateName: string | null;
  customerId: string | null;
  familyName: string | null;
  middleName: string | null;
  notes: string | null;
  primaryName: string | null;
  title: string | null;
  type: string | null;
}

export interface SandboxOrder {
  items: SandboxOrderItem[];
  orderId: string;
  seller: SandboxSeller | null;
  shipToStore: boolean | null;
  shippingAddress: SandboxShippingAddress | null;
  shippingCustomer: SandboxShippingCustomer | null;
  shippingMethod: string | null;
  supplierId: number | null;
}

/** What `createOrders` accepts: any part of an order; the rest is generated. */
export interface SandboxOrderInput {
  orderId?: string;
  items?: (Partial<Omit<SandboxOrderItem, 'sellingPrice'>> & { sellingPrice?: string | number | null })[];
  seller?: Partial<SandboxSeller> | null;
  shipToStore?: boolean | null;
  shippingAddress?: Partial<SandboxShippingAddress> | null;
  shippingCustomer?: Partial<SandboxShippingCustomer> | null;
  shippingMethod?: string | null;
  supplierId?: number | null;
}
