import { SeededRandom } from '../support/random';
import { OrderGenerator } from './order-generator';
import type { SandboxOrder } from './order-types';

function generate(seed: string, count: number, shipToStore?: boolean): SandboxOrder[] {
  const generator = new OrderGenerator(new SeededRandom(seed));
  return Array.from({ length: count }, () => generator.generate({ supplierId: 60455, shipToStore }));
}

describe('OrderGenerator', () => {
  it('produces the same orders for the same seed and different ones for another seed', () => {
    // When the same seed is used twice and another once
    const first = generate('s1', 10);
    // Then the first two match and the third differs
    expect(generate('s1', 10)).toEqual(first);
    expect(generate('s2', 10).map((o) => o.orderId)).not.toEqual(first.map((o) => o.orderId));
  });

  it('writes realistic orders: 1-4 items, iQmetrix-style SKUs, decimal prices, CA/US addresses', () => {
    // Given 300 generated orders
    const orders = generate('realism', 300);
    // Then each has the expected shapes
    for (const order of orders) {
      expect(order.orderId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(order.items.length).toBeGreaterThanOrEqual(1);
      expect(order.items.length).toBeLessThanOrEqual(4);
      for (const item of order.items) {
        expect(item.sku).toMatch(/^[A-Z]{2}-[A-Z]{2}\d{4}-[A-Z]{2}$/);
        expect(item.sellingPrice).toMatch(/^\d+(\.\d{1,2})?$/);
      }
      expect(['CA', 'US']).toContain(order.shippingAddress?.countryCode);
      expect(order.seller?.printableId).toMatch(/^\d{8}$/);
    }
    // And the variety a connector must cope with shows up
    expect(orders.some((o) => o.seller?.printableId?.startsWith('0'))).toBe(true);
    expect(orders.some((o) => o.items.some((i) => i.sellingPrice?.includes('.')))).toBe(true);
    expect(orders.some((o) => /[^\x20-\x7e]/.test(o.shippingCustomer?.primaryName ?? ''))).toBe(true);
    expect(orders.some((o) => o.shipToStore) && orders.some((o) => !o.shipToStore)).toBe(true);
  });

  it('gives ship-to-store orders the store address with nil type and no phone, and home orders a Home address', () => {
    // When both kinds are generated
    const store = generate('kinds', 20, true);
    const home = generate('kinds', 20, false);
    // Then their addresses differ as in iQmetrix's examples
    for (const order of store) {
      expect(order.shipToStore).toBe(true);
      expect(order.shippingAddress).toMatchObject({ type: null, phone: null, addressId: '00000000-0000-0000-0000-000000000000' });
    }
    for (const order of home) {
      expect(order.shipToStore).toBe(false);
      expect(order.shippingAddress?.type).toBe('Home');
    }
  });

  it('keeps one catalog id per SKU across orders and seeds', () => {
    // Given orders from two seeds
    const orders = [...generate('a', 50), ...generate('b', 50)];
    // Then a SKU always has the same catalog id
    const catalogBySku = new Map<string, Set<string>>();
    for (const item of orders.flatMap((o) => o.items)) {
      const ids = catalogBySku.get(String(item.sku)) ?? new Set<string>();
      ids.add(String(item.catalogId));
      catalogBySku.set(String(item.sku), ids);
    }
    for (const ids of catalogBySku.values()) expect(ids.size).toBe(1);
  });
});
