import { EVENT_TYPES } from '../topics';
import { exampleEvent } from '../events';
import { OrderReceivedData } from './order-received.schema';
import { validateEventData } from './validators';

const type = EVENT_TYPES.orderReceived;
const example = (): OrderReceivedData => exampleEvent(type).data;

describe('order received (normalized order) data schema', () => {
  it('accepts a realistic normalized order', () => {
    // Given the router's form of the sample order / When validated / Then it passes
    expect(validateEventData(type, example()).valid).toBe(true);
  });

  it('accepts an order without address or customer, and keeps unknown fields', () => {
    // Given a ship-to-store order with no address or customer, and an element the reference lacks
    const data = { ...example(), shippingAddress: null, shippingCustomer: null, giftMessage: 'Hi' };

    // When validated / Then it passes
    expect(validateEventData(type, data).valid).toBe(true);
  });

  it('requires ship-to-store as a boolean', () => {
    // Given the feed's text instead of a boolean / When validated / Then it is refused
    expect(validateEventData(type, { ...example(), shipToStore: 'true' })).toMatchObject({
      valid: false,
      reason: '/shipToStore must be boolean',
    });
  });

  it('requires at least one item, each with a SKU and an integer quantity', () => {
    // Given no items, then an item without SKU and with a nil quantity
    const noItems = { ...example(), items: [] };
    const badItem = example();
    badItem.items = [{ ...badItem.items[0], sku: '', quantity: null } as never];

    // When validated / Then each breach is named
    expect(validateEventData(type, noItems)).toMatchObject({ valid: false, reason: '/items must NOT have fewer than 1 items' });
    expect(validateEventData(type, badItem)).toMatchObject({
      valid: false,
      reason: '/items/0/sku must NOT have fewer than 1 characters; /items/0/quantity must be integer',
    });
  });

  it('requires every documented key of the seller and the address, null allowed', () => {
    // Given a seller without its printable id and an address without its phone
    const data = example();
    const { printableId: _printableId, ...seller } = data.seller;
    const { phone: _phone, ...address } = data.shippingAddress ?? {};

    // When validated
    const result = validateEventData(type, { ...data, seller, shippingAddress: address });

    // Then both missing keys are named, while nulls pass
    expect(!result.valid && result.reason).toBe('/seller/printableId is required; /shippingAddress/phone is required');
    expect(validateEventData(type, { ...data, seller: { ...data.seller, printableId: null } }).valid).toBe(true);
  });

  it('requires the entry id, the received time as RFC 3339 and a numeric supplier id', () => {
    // Given a missing entry id, a time without offset and a supplier id as text
    const { entryId: _entryId, ...data } = example();

    // When validated
    const result = validateEventData(type, { ...data, receivedAt: '2015-10-23 21:37', supplierId: '60455' });

    // Then each is named
    expect(!result.valid && result.issues.map((issue) => issue.path)).toEqual(['/entryId', '/receivedAt', '/supplierId']);
  });
});
