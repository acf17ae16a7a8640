import { EVENT_TYPES } from '../topics';
import { exampleEvent } from '../events';
import { OrderCreatedData } from './order-created.schema';
import { validateEventData } from './validators';

const type = EVENT_TYPES.orderCreated;
const example = (): OrderCreatedData => exampleEvent(type).data;

describe('order-created data schema', () => {
  it('accepts a realistic parsed feed entry', () => {
    // Given the guide's sample order as the ingestor publishes it / When validated / Then it passes
    expect(validateEventData(type, example())).toEqual({ valid: true, value: example() });
  });

  it('keeps printable-id "02146912" as a string and refuses it as a number', () => {
    // Given the printable id as text, then as the number a careless parser would make of it
    const asText = example();
    const asNumber = example();
    (asNumber.seller as Record<string, unknown>)['printableId'] = 2146912;

    // When both are validated / Then only the text, with its zero, is accepted
    expect(validateEventData(type, JSON.parse(JSON.stringify(asText))).valid).toBe(true);
    expect(asText.seller?.printableId).toBe('02146912');
    expect(validateEventData(type, asNumber)).toMatchObject({ valid: false, reason: '/seller/printableId must be string or null' });
  });

  it('refuses a quantity written as text, since reference integers are JSON numbers', () => {
    // Given quantity "1" and selling price "100"
    const data = example();
    data.items = [{ ...data.items?.[0], quantity: '1', sellingPrice: '100' } as never];

    // When validated
    const result = validateEventData(type, data);

    // Then both paths are named
    expect(result).toMatchObject({ valid: false });
    expect(!result.valid && result.reason).toBe('/items/0/quantity must be integer or null; /items/0/sellingPrice must be number or null');
  });

  it('refuses a decimal quantity', () => {
    // Given quantity 1.5 / When validated / Then it is not an integer
    const data = example();
    data.items = [{ ...data.items?.[0], quantity: 1.5 }];
    expect(validateEventData(type, data)).toMatchObject({ valid: false, reason: '/items/0/quantity must be integer or null' });
  });

  it('accepts null for every value the feed may write as i:nil', () => {
    // Given an entry whose every value but the order id is nil
    const data: OrderCreatedData = {
      orderId: 'b6f0c2a4-0000-4000-8000-000000000001',
      items: [{ catalogId: null, description: null, quantity: null, sellingPrice: null, sku: null }],
      seller: { companyId: null, locationId: null, poReference: null, printableId: null },
      shipToStore: null,
      shippingAddress: null,
      shippingCustomer: null,
      shippingMethod: null,
      supplierId: null,
    };

    // When validated / Then it passes, and so do nil containers
    expect(validateEventData(type, data).valid).toBe(true);
    expect(validateEventData(type, { ...data, items: null, seller: null }).valid).toBe(true);
  });

  it('keeps elements the reference does not list', () => {
    // Given elements iQmetrix may add later, at the top, in an item and in the address
    const data = example();
    data['giftMessage'] = 'Happy birthday';
    data.items = [{ ...data.items?.[0], productName: 'Case' }];
    data.shippingAddress = { ...data.shippingAddress, geo: { lat: '50.4' } };

    // When validated / Then they pass untouched
    const result = validateEventData(type, data);
    expect(result.valid).toBe(true);
    expect(result.valid && result.value['giftMessage']).toBe('Happy birthday');
  });

  it('requires the order id, which is the record key', () => {
    // Given an entry without an order id, then with an empty one
    const { orderId: _orderId, ...withoutOrderId } = example();

    // When validated / Then each is refused with the path
    expect(validateEventData(type, withoutOrderId)).toMatchObject({ valid: false, reason: '/orderId is required' });
    expect(validateEventData(type, { ...example(), orderId: '' })).toMatchObject({
      valid: false,
      reason: '/orderId must NOT have fewer than 1 characters',
    });
  });

  it('keeps ship-to-store as the feed text, not a boolean', () => {
    // Given shipToStore as a boolean / When validated / Then it is refused: the raw topic keeps text
    expect(validateEventData(type, { ...example(), shipToStore: true })).toMatchObject({ valid: false });
  });
});
