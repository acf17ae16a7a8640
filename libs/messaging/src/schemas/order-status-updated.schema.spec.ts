import { EVENT_TYPES } from '../topics';
import { exampleEvent } from '../events';
import { OrderStatusUpdatedData } from './order-status-updated.schema';
import { validateEventData } from './validators';

const type = EVENT_TYPES.orderStatusUpdated;
const example = (): OrderStatusUpdatedData => exampleEvent(type).data;

describe('order-status-updated data schema', () => {
  it('accepts a realistic parsed feed entry', () => {
    // Given iQmetrix's echo of a shipment / When validated / Then it passes
    expect(validateEventData(type, example()).valid).toBe(true);
  });

  it('accepts nil values and the reserved reference fields', () => {
    // Given an item with every value nil, and the internal reference fields
    const data = example();
    data.items = [
      {
        catalogId: null,
        info: null,
        message: null,
        quantity: null,
        shippingProvider: null,
        sku: null,
        status: null,
        trackingInfo: null,
        referenceName: 'rq',
        referenceValue: '42',
      },
    ];

    // When validated / Then it passes, as do nil ids
    expect(validateEventData(type, { ...data, companyId: null, supplierId: null }).valid).toBe(true);
  });

  it('refuses numbers written as text and a status given as a number', () => {
    // Given company id "50068", quantity "1" and status 2 (the feed writes names)
    const data = example();
    (data as Record<string, unknown>)['companyId'] = '50068';
    data.items = [{ ...data.items?.[0], quantity: '1', status: 2 } as never];

    // When validated
    const result = validateEventData(type, data);

    // Then each path is named
    expect(!result.valid && result.issues.map((issue) => issue.path)).toEqual([
      '/companyId',
      '/items/0/quantity',
      '/items/0/status',
    ]);
  });

  it('requires the order id', () => {
    // Given no order id / When validated / Then it is refused
    const { orderId: _orderId, ...data } = example();
    expect(validateEventData(type, data)).toMatchObject({ valid: false, reason: '/orderId is required' });
  });
});
