import { OrderCreated } from '../order/order-created';
import { Status } from '../status/status';
import { initialOrderState } from './order-state';

describe('initialOrderState', () => {
  it('starts a new order PendingSupplier with one item per SKU and no tracking numbers', () => {
    // Given an order-created event with two lines of one SKU, one other line and a line without SKU
    const order: OrderCreated = {
      orderId: 'o-1',
      items: [
        { sku: 'A', quantity: 1, sellingPrice: 10 },
        { sku: 'B', quantity: null },
        { sku: 'A', quantity: 2 },
        { sku: null, quantity: 5 },
      ],
    };
    // When its initial state is built
    const state = initialOrderState(order);
    // Then lines of one SKU are merged, a missing quantity counts 0, and the SKU-less line is left out
    expect(state).toEqual({
      orderId: 'o-1',
      status: Status.PendingSupplier,
      trackingNumbers: [],
      items: [
        { sku: 'A', status: Status.PendingSupplier, quantity: 3, trackingNumbers: [] },
        { sku: 'B', status: Status.PendingSupplier, quantity: 0, trackingNumbers: [] },
      ],
    });
  });
});
