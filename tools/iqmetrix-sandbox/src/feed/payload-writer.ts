import type { SandboxOrder } from '../orders/order-types';
import type { StatusName } from '../status/status-names';
import { field, group } from './xml';

const PAYLOAD_NAMESPACES = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:iQmetrix:dropship"';

/** `order-created` with every field of api-reference §3.5, in DataContract (alphabetical) order. */
export function orderCreatedXml(order: SandboxOrder): string {
  const { seller, shippingAddress: a, shippingCustomer: c } = order;
  return [
    `<order-created ${PAYLOAD_NAMESPACES}>`,
    group('items', order.items.map((item) => group('order-item', [
      field('catalog-id', item.catalogId),
      field('description', item.description),
      field('quantity', item.quantity),
      field('selling-price', item.sellingPrice),
      field('sku', item.sku),
    ]))),
    field('order-id', order.orderId),
    group('seller', seller && [
      field('company-id', seller.companyId),
      field('location-id', seller.locationId),
      field('po-reference', seller.poReference),
      field('printable-id', seller.printableId),
    ]),
    field('ship-to-store', order.shipToStore),
    group('shipping-address', a && [
      field('address-id', a.addressId), field('attention-to', a.attentionTo), field('country', a.country),
      field('country-code', a.countryCode), field('locality', a.locality), field('notes', a.notes),
      field('phone', a.phone), field('post-office-box-number', a.postOfficeBoxNumber),
      field('postal-code', a.postalCode), field('region', a.region), field('region-code', a.regionCode),
      field('street-address-1', a.streetAddress1), field('street-address-2', a.streetAddress2), field('type', a.type),
    ]),
    group('shipping-customer', c && [
      field('alternate-name', c.alternateName), field('customer-id', c.customerId), field('family-name', c.familyName),
      field('middle-name', c.middleName), field('notes', c.notes), field('primary-name', c.primaryName),
      field('title', c.title), field('type', c.type),
    ]),
    field('shipping-method', order.shippingMethod),
    field('supplier-id', order.supplierId),
    '</order-created>',
  ].join('');
}

export interface ItemInformation {
  catalogId: string | null;
  info: string | null;
  message: string | null;
  quantity: number | null;
  shippingProvider: string | null;
  sku: string | null;
  status: StatusName;
  trackingInfo: string | null;
}

export interface StatusUpdatedPayload {
  companyId: number | null;
  items: ItemInformation[];
  orderId: string;
  supplierId: number | null;
}

/**
 * `order-status-updated` per §3.6: status as a NAME. Only the documented elements: an order-level
 * update is shown as every item with the new status (iQmetrix applies it to each item), with no
 * order-level status element, since none is documented and a connector must not rely on one.
 */
export function orderStatusUpdatedXml(payload: StatusUpdatedPayload): string {
  return [
    `<order-status-updated ${PAYLOAD_NAMESPACES}>`,
    field('company-id', payload.companyId),
    group('items', payload.items.map((item) => group('item-information', [
      field('catalog-id', item.catalogId),
      field('info', item.info),
      field('message', item.message),
      field('quantity', item.quantity),
      field('shipping-provider', item.shippingProvider),
      field('sku', item.sku),
      field('status', item.status),
      field('tracking-info', item.trackingInfo),
    ]))),
    field('order-id', payload.orderId),
    field('supplier-id', payload.supplierId),
    '</order-status-updated>',
  ].join('');
}
