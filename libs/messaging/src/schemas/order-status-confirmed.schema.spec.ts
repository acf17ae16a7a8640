import { EVENT_TYPES } from '../topics';
import { exampleEvent } from '../events';
import { ConfirmedItem, OrderStatusConfirmedData } from './order-status-confirmed.schema';
import { validateEventData } from './validators';

const type = EVENT_TYPES.orderStatusConfirmed;
const example = (): OrderStatusConfirmedData => exampleEvent(type).data;
const exampleItem = (): ConfirmedItem => example().items[0] as ConfirmedItem;

describe('order status-confirmed data schema', () => {
  it('accepts a realistic confirmation with tracking numbers as lists', () => {
    // Given the router's form of a shipment echo / When validated / Then it passes
    expect(validateEventData(type, example()).valid).toBe(true);
  });

  it('accepts a null order-level status when the items differ', () => {
    // Given items in different states and no order-level status / When validated / Then it passes
    const data = example();
    data.items = [exampleItem(), { ...exampleItem(), sku: 'ZZ-1', status: 'BackOrdered', trackingNumbers: [] }];
    expect(validateEventData(type, { ...data, status: null }).valid).toBe(true);
  });

  it('refuses a tracking number that still holds a comma or spaces around it', () => {
    // Given an unsplit tracking-info and a padded number
    const data = { ...example(), trackingNumbers: ['1Z863YY60392796356,1Z863YY60393998', ' 1Z8 '] };

    // When validated / Then both items of the list are named
    const result = validateEventData(type, data);
    expect(!result.valid && result.issues.map((issue) => issue.path)).toEqual(['/trackingNumbers/0', '/trackingNumbers/1']);
  });

  it('requires the tracking numbers of each item and of the order', () => {
    // Given a confirmation without either list
    const data = example();
    const { trackingNumbers: _itemNumbers, ...item } = exampleItem();
    const { trackingNumbers: _orderNumbers, ...rest } = data;

    // When validated / Then both are named
    const result = validateEventData(type, { ...rest, items: [item] });
    expect(!result.valid && result.reason).toBe('/trackingNumbers is required; /items/0/trackingNumbers is required');
  });
});
