import { nullableInteger, nullableString } from './schema-fragments';

/**
 * The seller, shipping address and shipping customer of an order, as camelCase versions of the
 * feed's elements (api-reference §3.5). `street-address-1` becomes `streetAddress1`. Every value may
 * be null (`i:nil`). The raw order-created shapes require nothing, since the feed may omit elements;
 * the normalized order (dropship.order.received) always carries every documented key.
 */

export const SELLER_PROPERTIES = {
  companyId: { ...nullableInteger, description: 'Retailer company id (`seller/company-id`).' },
  locationId: { ...nullableInteger, description: 'Store location id (`seller/location-id`).' },
  poReference: { ...nullableString, description: 'PO number printed on the customer invoice.' },
  printableId: {
    ...nullableString,
    description: 'Id printed on the customer invoice, kept as text: "02146912" keeps its zero.',
  },
} as const;

export const SHIPPING_ADDRESS_PROPERTIES = {
  addressId: { ...nullableString, description: 'CRM address id; may be all zeros.' },
  attentionTo: { ...nullableString, description: 'Recipient name.' },
  country: nullableString,
  countryCode: nullableString,
  locality: { ...nullableString, description: 'City.' },
  notes: nullableString,
  phone: { ...nullableString, description: 'Recipient phone: the only phone number of an order.' },
  postOfficeBoxNumber: nullableString,
  postalCode: nullableString,
  region: { ...nullableString, description: 'Province or state name.' },
  regionCode: nullableString,
  streetAddress1: nullableString,
  streetAddress2: nullableString,
  type: { ...nullableString, description: 'CRM address type, e.g. Home; tells a store address from a customer one.' },
} as const;

export const SHIPPING_CUSTOMER_PROPERTIES = {
  customerId: { ...nullableString, description: 'CRM customer id.' },
  alternateName: nullableString,
  familyName: { ...nullableString, description: 'Last name.' },
  middleName: nullableString,
  notes: nullableString,
  primaryName: { ...nullableString, description: 'First name.' },
  title: nullableString,
  type: { ...nullableString, description: 'CRM customer type, e.g. Person.' },
} as const;

/** The types of these parts. Unknown feed elements are kept, so every part is open. */
export interface Seller {
  companyId?: number | null;
  locationId?: number | null;
  poReference?: string | null;
  printableId?: string | null;
  [element: string]: unknown;
}

export interface ShippingAddress {
  addressId?: string | null;
  attentionTo?: string | null;
  country?: string | null;
  countryCode?: string | null;
  locality?: string | null;
  notes?: string | null;
  phone?: string | null;
  postOfficeBoxNumber?: string | null;
  postalCode?: string | null;
  region?: string | null;
  regionCode?: string | null;
  streetAddress1?: string | null;
  streetAddress2?: string | null;
  type?: string | null;
  [element: string]: unknown;
}

export interface ShippingCustomer {
  customerId?: string | null;
  alternateName?: string | null;
  familyName?: string | null;
  middleName?: string | null;
  notes?: string | null;
  primaryName?: string | null;
  title?: string | null;
  type?: string | null;
  [element: string]: unknown;
}

/** Makes every documented key of a part present (the normalized form); values stay nullable. */
export type Complete<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
