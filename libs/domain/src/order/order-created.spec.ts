import { DomainError } from '../errors/domain-error';
import { InvalidShipToStoreError, isShipToStore, OrderCreated } from './order-created';

describe('isShipToStore', () => {
  it.each([
    ['true', true],
    ['false', false],
    ['True', true],
    [' FALSE ', false],
    ['1', true],
    ['0', false],
    [null, false],
    [undefined, false],
  ])('reads ship-to-store %j as %p', (shipToStore, expected) => {
    // Given an order whose ship-to-store text is kept as the feed wrote it
    const order: Pick<OrderCreated, 'shipToStore'> = { shipToStore };
    // When it is interpreted
    const result = isShipToStore(order);
    // Then XML boolean text decides, and a nil value means not to the store
    expect(result).toBe(expected);
  });

  it.each(['yes', '', 'truee'])('refuses the text %j rather than guessing', (shipToStore) => {
    // Given a ship-to-store text that is no boolean
    const order = { shipToStore };
    // When it is interpreted
    const read = (): boolean => isShipToStore(order);
    // Then a typed domain error names the field
    expect(read).toThrow(InvalidShipToStoreError);
    expect(read).toThrow(expect.objectContaining({ code: 'ORDER.SHIP_TO_STORE_INVALID', retriable: false }));
  });

  it('is a DomainError', () => {
    // Given the error for an invalid ship-to-store
    // When it is created
    const error = new InvalidShipToStoreError('maybe');
    // Then edges can treat it like any domain error
    expect(error).toBeInstanceOf(DomainError);
    expect(error.details).toEqual({ text: 'maybe' });
  });
});

describe('OrderCreated', () => {
  it('keeps unknown feed fields alongside the documented ones', () => {
    // Given an order as the ingestor parsed it, with a field iQmetrix added later
    const order: OrderCreated = {
      orderId: '32cb2b46-fb26-48c8-9b8f-67ed759e2599',
      items: [{ sku: 'AB-JH0786-MI', quantity: 1, sellingPrice: 100, catalogId: null, giftWrap: 'true' }],
      seller: { companyId: 33772, locationId: 33773, poReference: 'ABC123N1', printableId: '02146912' },
      shipToStore: 'true',
      shippingAddress: { type: null, countryCode: 'CA' },
      loyaltyNumber: 'L-1',
    };
    // When the order is read
    // Then extra fields are there, and the printable id keeps its leading zero
    expect(order['loyaltyNumber']).toBe('L-1');
    expect(order.items[0]['giftWrap']).toBe('true');
    expect(order.seller?.printableId).toBe('02146912');
  });
});
