import { endpointOf, statusPutPath } from './outbox.types';

describe('status PUT paths', () => {
  it('are the ones the status client calls, and tell the endpoint back', () => {
    // Given an order id and supplier / When the path is built / Then it is api-reference §4.2's, escaped
    const path = statusPutPath('60455', 'a b', 'ItemStatusUpdate');
    expect(path).toBe('/v1/Suppliers(60455)/Orders(a%20b)/ItemStatusUpdate');
    expect(endpointOf(path)).toBe('ItemStatusUpdate');
    expect(endpointOf(statusPutPath('60455', 'o', 'OrderStatusUpdate'))).toBe('OrderStatusUpdate');
  });
});
