import { planFulfilment } from './fulfilment-plan';

const order = (i: number) => ({
  orderId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  items: [
    { sku: 'AB-JH0786-MI', quantity: 2 },
    { sku: 'CD-1234', quantity: 1 },
  ],
});

describe('planFulfilment', () => {
  it('plans the same commands for the same order', () => {
    expect(planFulfilment(order(7))).toEqual(planFulfilment(order(7)));
  });

  it('mixes whole shipments, item-by-item shipments, back-orders and cancellations', () => {
    // Given 400 orders / When planned / Then every kind of plan occurs
    const kinds = new Set(
      Array.from({ length: 400 }, (_, i) => planFulfilment(order(i)).map((c) => (c.items ? 'item' : c.status)).join('>')),
    );
    expect(kinds).toEqual(new Set(['Shipped', 'item>item', 'BackOrdered>Ordered>Shipped', 'Cancelled']));
  });

  it('gives every shipment of an order its own tracking number', () => {
    // Given an order shipped item by item
    const plan = Array.from({ length: 100 }, (_, i) => planFulfilment(order(i))).find((p) => p[0]?.items);
    const numbers = plan?.flatMap((c) => c.items?.flatMap((item) => item.trackingNumbers ?? []) ?? []) ?? [];
    // Then the two shipments carry two different numbers
    expect(numbers).toHaveLength(2);
    expect(new Set(numbers).size).toBe(2);
  });
});
