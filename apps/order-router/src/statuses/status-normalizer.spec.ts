import { EVENT_TYPES, exampleEvent } from '@dropship/messaging';
import { normalizeStatus, OrderStatusUpdatedEvent } from './status-normalizer';
import { StatusNotNormalizableError } from './statuses.errors';

function updated(change: (event: OrderStatusUpdatedEvent) => void = () => undefined): OrderStatusUpdatedEvent {
  const event = exampleEvent(EVENT_TYPES.orderStatusUpdated);
  change(event);
  return event;
}

describe('normalizeStatus', () => {
  it("turns the contract's order-status-updated example into its status-confirmed example", () => {
    // Given the example entry / When normalized / Then the data is the contract's example
    expect(normalizeStatus(updated()).data).toEqual(exampleEvent(EVENT_TYPES.orderStatusConfirmed).data);
  });

  it('gives no order-level status when the items differ, and the union of their tracking numbers', () => {
    // Given two items, shipped and back-ordered, with overlapping tracking numbers
    const event = updated((input) => {
      const [item] = input.data.items ?? [];
      input.data.items = [
        { ...item, sku: 'A', status: 'Shipped', trackingInfo: '1Z1, 1Z2' },
        { sku: 'B', status: 'BackOrdered', trackingInfo: '1Z2,,1Z3' },
      ];
    });

    // When normalized
    const { data } = normalizeStatus(event);

    // Then the order status is null, every item is complete, and the numbers are a union
    expect(data.status).toBeNull();
    expect(data.trackingNumbers).toEqual(['1Z1', '1Z2', '1Z3']);
    expect(data.items[1]).toEqual({
      catalogId: null,
      info: null,
      message: null,
      quantity: null,
      shippingProvider: null,
      sku: 'B',
      status: 'BackOrdered',
      trackingInfo: '1Z2,,1Z3',
      trackingNumbers: ['1Z2', '1Z3'],
    });
  });

  it('fingerprints what the entry reports, not which entry reported it or the order of its fields', () => {
    // Given the same report in two entries, one with its fields in another order
    const first = updated();
    const second = updated((input) => {
      input.id = 'urn:uuid:another-entry';
      input.time = '2016-01-01T00:00:00Z';
      input.data = Object.fromEntries(Object.entries(input.data).reverse()) as typeof input.data;
    });
    const changed = updated((input) => (input.data.items = [{ ...input.data.items?.[0], status: 'Cancelled' }]));

    // When fingerprinted / Then the repeats are equal and a change is not
    expect(normalizeStatus(second).fingerprint).toBe(normalizeStatus(first).fingerprint);
    expect(normalizeStatus(changed).fingerprint).not.toBe(normalizeStatus(first).fingerprint);
  });

  it('refuses a report whose tracking number the contract cannot carry', () => {
    // Given a tracking number longer than 100 characters / When normalized / Then it is refused
    const event = updated((input) => (input.data.items = [{ sku: 'A', trackingInfo: 'x'.repeat(101) }]));
    expect(() => normalizeStatus(event)).toThrow(StatusNotNormalizableError);
  });
});
