import { OrderGenerator } from '../orders/order-generator';
import type { SandboxOrder } from '../orders/order-types';
import { SeededRandom } from '../support/random';
import { childNames, find, parseXml, valueAt } from '../test-support/xml-tree';
import { renderEntry } from './atom-writer';
import { orderCreatedXml, orderStatusUpdatedXml } from './payload-writer';
import { escapeXml } from './xml';

function requireValue<T>(value: T | null): T {
  if (value === null) throw new Error('expected a value');
  return value;
}

function homeOrder(): SandboxOrder {
  return new OrderGenerator(new SeededRandom('payload')).generate({ supplierId: 60455, shipToStore: false });
}

describe('order-created payload', () => {
  it('writes every documented field, in alphabetical (DataContract) order, in the dropship namespace', () => {
    // Given a generated ship-to-home order
    const payload = parseXml(orderCreatedXml(homeOrder()));
    // Then the elements and their order are those of api-reference §3.5
    expect(payload.name).toBe('order-created');
    expect(payload.uri).toBe('urn:iQmetrix:dropship');
    expect(childNames(payload)).toEqual([
      'items', 'order-id', 'seller', 'ship-to-store', 'shipping-address', 'shipping-customer', 'shipping-method', 'supplier-id',
    ]);
    expect(childNames(find(payload, 'items/order-item'))).toEqual(['catalog-id', 'description', 'quantity', 'selling-price', 'sku']);
    expect(childNames(find(payload, 'seller'))).toEqual(['company-id', 'location-id', 'po-reference', 'printable-id']);
    expect(childNames(find(payload, 'shipping-address'))).toEqual([
      'address-id', 'attention-to', 'country', 'country-code', 'locality', 'notes', 'phone', 'post-office-box-number',
      'postal-code', 'region', 'region-code', 'street-address-1', 'street-address-2', 'type',
    ]);
    expect(childNames(find(payload, 'shipping-customer'))).toEqual([
      'alternate-name', 'customer-id', 'family-name', 'middle-name', 'notes', 'primary-name', 'title', 'type',
    ]);
  });

  it('writes null values as i:nil="true" and keeps text exactly, leading zeros included', () => {
    // Given an order with nulls and a printable id with a leading zero
    const order = homeOrder();
    order.seller = { companyId: 33772, locationId: 33773, poReference: null, printableId: '02146912' };
    order.shippingAddress = { ...requireValue(order.shippingAddress), notes: null, type: 'Home' };
    // When it is written
    const payload = parseXml(orderCreatedXml(order));
    // Then nulls are nil and values are verbatim
    expect(valueAt(payload, 'seller/po-reference')).toBeNull();
    expect(find(payload, 'seller/po-reference')?.attributes['i:nil']).toBe('true');
    expect(valueAt(payload, 'seller/printable-id')).toBe('02146912');
    expect(valueAt(payload, 'shipping-address/notes')).toBeNull();
    expect(valueAt(payload, 'ship-to-store')).toBe('false');
  });

  it('escapes markup characters and keeps non-ASCII text', () => {
    // Given names and notes that need escaping
    const order = homeOrder();
    order.shippingCustomer = { ...requireValue(order.shippingCustomer), familyName: "O'Brien & <Sons>", primaryName: 'Zoë "Zo"' };
    order.items[0].description = 'Screen Protector "Glass" <2-pack> & more – ünïcode';
    // When it is written and parsed back
    const payload = parseXml(orderCreatedXml(order));
    // Then every value comes back exactly
    expect(valueAt(payload, 'shipping-customer/family-name')).toBe("O'Brien & <Sons>");
    expect(valueAt(payload, 'shipping-customer/primary-name')).toBe('Zoë "Zo"');
    expect(valueAt(payload, 'items/order-item/description')).toBe('Screen Protector "Glass" <2-pack> & more – ünïcode');
  });

  it('replaces characters XML cannot carry instead of writing an unreadable document', () => {
    // Given a value with a control character and a lone surrogate
    const text = 'bad\u0001char\uD800!';
    // When it is escaped
    const escaped = escapeXml(text);
    // Then both are replaced by U+FFFD and the rest is kept
    expect(escaped).toBe('bad\uFFFDchar\uFFFD!');
  });
});

describe('order-status-updated payload and entries', () => {
  it('writes the §3.6 fields with the status as a name', () => {
    // Given an update of one item
    const xml = orderStatusUpdatedXml({
      companyId: 50068,
      orderId: '32cb2b46-fb26-48c8-9b8f-67ed759e2599',
      supplierId: 60455,
      items: [{ catalogId: 'c1', info: null, message: 'ok', quantity: 1, shippingProvider: 'UPS', sku: 'AB-1', status: 'Shipped', trackingInfo: '1Z1,1Z2' }],
    });
    // When it is parsed
    const payload = parseXml(xml);
    // Then it has the documented shape
    expect(childNames(payload)).toEqual(['company-id', 'items', 'order-id', 'supplier-id']);
    expect(childNames(find(payload, 'items/item-information'))).toEqual([
      'catalog-id', 'info', 'message', 'quantity', 'shipping-provider', 'sku', 'status', 'tracking-info',
    ]);
    expect(valueAt(payload, 'items/item-information/status')).toBe('Shipped');
    expect(valueAt(payload, 'items/item-information/tracking-info')).toBe('1Z1,1Z2');
    expect(valueAt(payload, 'items/item-information/info')).toBeNull();
  });

  it('wraps a payload in an Atom entry with urn:uuid id, text title, times and application/xml content', () => {
    // Given a rendered entry inside a feed element
    const entry = renderEntry({ id: 'e1697c26-23e2-4bc7-8f6c-494c6034d9e2', title: 'Dropship Order Created', time: '2015-10-23T21:37:31Z', payloadXml: '<x xmlns="urn:iQmetrix:dropship"/>' });
    const node = parseXml(`<feed xmlns="http://www.w3.org/2005/Atom">${entry}</feed>`).children[0];
    // Then its parts are those of §3.4
    expect(valueAt(node, 'id')).toBe('urn:uuid:e1697c26-23e2-4bc7-8f6c-494c6034d9e2');
    expect(find(node, 'title')?.attributes.type).toBe('text');
    expect(valueAt(node, 'published')).toBe('2015-10-23T21:37:31Z');
    expect(valueAt(node, 'updated')).toBe('2015-10-23T21:37:31Z');
    expect(find(node, 'content')?.attributes.type).toBe('application/xml');
  });
});
