import { Status } from '../status/status';
import { decideCommand } from './decide-command';
import { Decision } from './decision';
import { ItemState, OrderState } from './order-state';
import { ItemCommand, StatusCommand } from './status-command';

const ORDER_ID = '0b05f9fb-1210-4494-b654-d051948716b4';

/** An acknowledged order: SKU-A (3 units) and SKU-B (1 unit), both Ordered. */
function ackedOrder(changes: Partial<Record<'A' | 'B', Partial<ItemState>>> = {}): OrderState {
  const item = (sku: 'A' | 'B', quantity: number): ItemState => ({
    sku: `SKU-${sku}`,
    status: Status.Ordered,
    quantity,
    trackingNumbers: [],
    ...changes[sku],
  });
  return { orderId: ORDER_ID, status: Status.Ordered, trackingNumbers: [], items: [item('A', 3), item('B', 1)] };
}

function itemCommand(items: ItemCommand[], fields: Partial<StatusCommand> = {}): StatusCommand {
  return { commandId: 'c-1', orderId: ORDER_ID, status: 'Shipped', items, ...fields };
}

function accepted(decision: Decision): Exclude<Decision, { outcome: 'rejected' }> {
  if (decision.outcome === 'rejected') throw new Error(`expected acceptance, got: ${decision.reason}`);
  return decision;
}

function reasonOf(decision: Decision): string {
  if (decision.outcome !== 'rejected') throw new Error('expected a rejection');
  return decision.reason;
}

describe('decideCommand at item level', () => {
  it('sends an ItemStatusUpdate for the named item only and derives the order status', () => {
    // Given an acknowledged order with two items
    const order = ackedOrder();
    // When SKU-B ships with a tracking number
    const shipB = { sku: 'SKU-B', status: 'Shipped', trackingNumbers: ['T1'], shippingProvider: 'UPS' };
    const command = itemCommand([shipB]);
    const decision = accepted(decideCommand(order, command));
    // Then the body is exact, SKU-A is untouched and the order counts as partially shipped
    expect(decision.level).toBe('item');
    expect(decision.put).toEqual({
      Id: ORDER_ID,
      ItemInformation: [{ Sku: 'SKU-B', Status: 2, TrackingInfo: 'T1', ShippingProvider: 'UPS' }],
    });
    expect(decision.next.items[0]).toEqual(order.items[0]);
    expect(decision.next.status).toBe(Status.PartiallyShipped);
    expect(decision.next.trackingNumbers).toEqual(['T1']);
  });

  it('accumulates tracking numbers over two partial shipments of one item', () => {
    // Given an acknowledged order whose SKU-A has 3 units
    const order = ackedOrder();
    // When one unit ships with T1, then another with T2
    const firstUnit = { sku: 'SKU-A', status: 'PartiallyShipped', quantity: 1, trackingNumbers: ['T1'] };
    const first = accepted(decideCommand(order, itemCommand([firstUnit])));
    const second = accepted(
      decideCommand(first.next, itemCommand([{ sku: 'SKU-A', status: 6, quantity: 1, trackingNumbers: ['T2'] }])),
    );
    // Then the second PUT carries both numbers, and the state knows both
    expect(second.put).toEqual({
      Id: ORDER_ID,
      ItemInformation: [{ Sku: 'SKU-A', Status: Status.PartiallyShipped, Quantity: 1, TrackingInfo: 'T1,T2' }],
    });
    expect(second.next.items[0].trackingNumbers).toEqual(['T1', 'T2']);
    expect(second.next.trackingNumbers).toEqual(['T1', 'T2']);
  });

  it('sends every known number in an order-level Shipped after partial item shipments', () => {
    // Given SKU-A partly shipped with T1 and SKU-B shipped with T2
    const afterA = accepted(
      decideCommand(ackedOrder(), itemCommand([{ sku: 'SKU-A', status: 'PartiallyShipped', trackingNumbers: ['T1'] }])),
    );
    const afterB = accepted(decideCommand(afterA.next, itemCommand([{ sku: 'SKU-B', trackingNumbers: ['T2'] }])));
    // When the rest of the order ships with T3 in an order-level command
    const final = accepted(
      decideCommand(afterB.next, { commandId: 'c-3', orderId: ORDER_ID, status: 'Shipped', trackingNumbers: ['T3'] }),
    );
    // Then the order PUT carries all three numbers and the whole order is Shipped
    expect(afterB.next.status).toBe(Status.PartiallyShipped);
    expect(final.put).toEqual({ Id: ORDER_ID, Status: Status.Shipped, TrackingInfo: 'T1,T2,T3' });
    expect(final.next.items.map((item) => item.status)).toEqual([Status.Shipped, Status.Shipped]);
  });

  it('rejects an unknown SKU, naming it', () => {
    // Given an order without SKU-Z
    // When a command names SKU-Z
    const decision = decideCommand(ackedOrder(), itemCommand([{ sku: 'SKU-A' }, { sku: 'SKU-Z' }]));
    // Then the command is rejected as a whole
    expect(reasonOf(decision)).toBe(`unknown SKU SKU-Z in order ${ORDER_ID}`);
  });

  it('rejects a SKU named twice in one command', () => {
    // Given an acknowledged order
    // When one command lists SKU-A twice
    const decision = decideCommand(ackedOrder(), itemCommand([{ sku: 'SKU-A' }, { sku: 'SKU-A', quantity: 1 }]));
    // Then it is rejected
    expect(reasonOf(decision)).toBe('SKU SKU-A appears more than once in the command');
  });

  it('rejects an empty item list', () => {
    // Given an acknowledged order
    // When items is present but empty
    const decision = decideCommand(ackedOrder(), itemCommand([]));
    // Then it is rejected instead of being taken as an order-level update
    expect(reasonOf(decision)).toContain('items is empty');
  });

  it.each([
    [0, 'quantity 0 is not a positive integer'],
    [-1, 'quantity -1 is not a positive integer'],
    [1.5, 'quantity 1.5 is not a positive integer'],
    [4, 'quantity 4 is more than the 3 ordered'],
  ])('rejects quantity %p', (quantity, expected) => {
    // Given SKU-A with 3 units ordered
    // When an update names an impossible quantity
    const decision = decideCommand(ackedOrder(), itemCommand([{ sku: 'SKU-A', status: 'PartiallyShipped', quantity }]));
    // Then it is rejected with the SKU and the quantity
    expect(reasonOf(decision)).toBe(`SKU SKU-A: ${expected}`);
  });

  it('rejects shipping a cancelled item, naming the SKU', () => {
    // Given an order whose SKU-B was cancelled
    const order = ackedOrder({ B: { status: Status.Cancelled } });
    // When SKU-B is shipped
    const decision = decideCommand(order, itemCommand([{ sku: 'SKU-B', trackingNumbers: ['T9'] }]));
    // Then it is rejected because Cancelled is final
    expect(reasonOf(decision)).toBe('SKU SKU-B: item status Cancelled cannot become Shipped: Cancelled is final');
  });

  it('rejects a repeated Shipped for an item without a new tracking number', () => {
    // Given SKU-B shipped with T1
    const order = ackedOrder({ B: { status: Status.Shipped, trackingNumbers: ['T1'] } });
    // When SKU-B is shipped again with T1 only
    const decision = decideCommand(order, itemCommand([{ sku: 'SKU-B', trackingNumbers: ['T1'] }]));
    // Then it is rejected
    expect(reasonOf(decision)).toContain('SKU SKU-B: item is already Shipped');
  });

  it('rejects PendingSupplier for an item', () => {
    // Given an acknowledged order
    // When an item is set back to PendingSupplier
    const decision = decideCommand(ackedOrder(), itemCommand([{ sku: 'SKU-A', status: 'PendingSupplier' }]));
    // Then it is rejected with the rule
    expect(reasonOf(decision)).toContain('the connector never sends PendingSupplier');
  });

  it('fills item fields the command leaves out from the command itself', () => {
    // Given an acknowledged order
    // When one shipment of two items is written once at command level
    const command = itemCommand([{ sku: 'SKU-A' }, { sku: 'SKU-B', message: 'last unit' }], {
      status: 'Shipped',
      trackingNumbers: ['T7'],
      shippingProvider: 'Purolator',
      message: 'shipped together',
    });
    const decision = accepted(decideCommand(ackedOrder(), command));
    // Then each entry carries the command's status, number and carrier, and its own message wins
    expect(decision.put).toEqual({
      Id: ORDER_ID,
      ItemInformation: [
        { Sku: 'SKU-A', Status: 2, TrackingInfo: 'T7', ShippingProvider: 'Purolator', Message: 'shipped together' },
        { Sku: 'SKU-B', Status: 2, TrackingInfo: 'T7', ShippingProvider: 'Purolator', Message: 'last unit' },
      ],
    });
    expect(decision.next.status).toBe(Status.Shipped);
  });

  it('rejects an item tracking number with a comma', () => {
    // Given an acknowledged order
    // When an item's tracking number contains a comma
    const decision = decideCommand(ackedOrder(), itemCommand([{ sku: 'SKU-A', trackingNumbers: ['X,Y'] }]));
    // Then it is rejected
    expect(reasonOf(decision)).toBe('tracking number "X,Y" contains a comma');
  });
});
