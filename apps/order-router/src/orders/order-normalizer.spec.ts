import { EVENT_TYPES, exampleEvent, validateEventData } from '@dropship/messaging';
import { normalizeOrder, OrderCreatedEvent } from './order-normalizer';
import { OrderNotNormalizableError } from './orders.errors';

function created(change: (event: OrderCreatedEvent) => void = () => undefined): OrderCreatedEvent {
  const event = exampleEvent(EVENT_TYPES.orderCreated);
  change(event);
  return event;
}

function refusal(event: OrderCreatedEvent, supplierId?: number): string {
  try {
    normalizeOrder(event, supplierId);
  } catch (error) {
    if (error instanceof OrderNotNormalizableError) return error.message;
    throw error;
  }
  throw new Error('expected the order to be refused');
}

describe('normalizeOrder', () => {
  it("turns the contract's order-created example into its dropship.order.received example", () => {
    // Given the example entry / When normalized / Then the result is the contract's example order
    expect(normalizeOrder(created())).toEqual(exampleEvent(EVENT_TYPES.orderReceived).data);
  });

  it('completes every documented key with null and keeps the fields the feed added', () => {
    // Given an entry without address, customer or shipping method, and with unknown elements
    const event = created((input) => {
      delete input.data.shippingAddress;
      delete input.data.shippingMethod;
      input.data.shippingCustomer = null;
      input.data.seller = { companyId: 1, giftMessage: 'hi' };
      input.data.items = [{ sku: 'AB-1', quantity: 2, engraving: 'X' }];
      input.data['loyaltyNumber'] = 'L-1';
      input.data['entryId'] = 'a feed element named like a derived field';
    });

    // When normalized
    const data = normalizeOrder(event);

    // Then documented keys are there (null), extras are kept, and derived fields win
    expect(data.shippingAddress).toBeNull();
    expect(data.shippingCustomer).toBeNull();
    expect(data.shippingMethod).toBeNull();
    expect(data.seller).toEqual({ companyId: 1, locationId: null, poReference: null, printableId: null, giftMessage: 'hi' });
    expect(data.items).toEqual([{ sku: 'AB-1', catalogId: null, description: null, quantity: 2, sellingPrice: null, engraving: 'X' }]);
    expect(data['loyaltyNumber']).toBe('L-1');
    expect(data.entryId).toBe(event.id);
    expect(validateEventData(EVENT_TYPES.orderReceived, data).valid).toBe(true);
  });

  it.each([
    ['TRUE', true],
    ['0', false],
    [null, false],
  ])('reads ship-to-store %j as %p', (text, expected) => {
    expect(normalizeOrder(created((event) => (event.data.shipToStore = text))).shipToStore).toBe(expected);
  });

  it('takes the configured supplier id when the entry has none', () => {
    // Given an entry without supplier-id / When normalized with IQMETRIX_SUPPLIER_ID / Then it is used
    const event = created((input) => (input.data.supplierId = null));
    expect(normalizeOrder(event, 777).supplierId).toBe(777);
    expect(refusal(event)).toBe('the entry has no supplier-id and IQMETRIX_SUPPLIER_ID is not set');
  });

  it.each([
    ['no items', (event: OrderCreatedEvent) => (event.data.items = []), 'the order has no items'],
    ['nil items', (event: OrderCreatedEvent) => (event.data.items = null), 'the order has no items'],
    ['an item without sku', (event: OrderCreatedEvent) => (event.data.items = [{ quantity: 1, sku: null }]), 'item 1 has no sku'],
    ['an item without quantity', (event: OrderCreatedEvent) => (event.data.items = [{ sku: 'A' }]), 'item 1 has no quantity'],
    [
      'an unreadable ship-to-store',
      (event: OrderCreatedEvent) => (event.data.shipToStore = 'maybe'),
      'ship-to-store is "maybe", expected true, false, 1 or 0',
    ],
    [
      'a negative quantity',
      (event: OrderCreatedEvent) => (event.data.items = [{ sku: 'A', quantity: -1 }]),
      'the normalized order breaks its schema: /items/0/quantity must be >= 0',
    ],
  ])('refuses an entry with %s, saying why', (_case, change, reason) => {
    // Given an entry that cannot meet the guarantees / When normalized / Then it is refused with the reason
    expect(refusal(created(change))).toBe(reason);
  });
});
