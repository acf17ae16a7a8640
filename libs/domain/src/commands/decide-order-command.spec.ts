import { Status } from '../status/status';
import { decideCommand } from './decide-command';
import { Decision } from './decision';
import { OrderState } from './order-state';
import { StatusCommand } from './status-command';

const ORDER_ID = '32cb2b46-fb26-48c8-9b8f-67ed759e2599';

function orderIn(status: Status, itemStatuses: Status[] = [status, status]): OrderState {
  const items = itemStatuses.map((itemStatus, index) => ({
    sku: `SKU-${index + 1}`,
    status: itemStatus,
    quantity: 2,
    trackingNumbers: [],
  }));
  return { orderId: ORDER_ID, status, trackingNumbers: [], items };
}

function command(fields: Partial<StatusCommand> & Pick<StatusCommand, 'status'>): StatusCommand {
  return { commandId: 'c-1', orderId: ORDER_ID, ...fields };
}

function accepted(decision: Decision): Exclude<Decision, { outcome: 'rejected' }> {
  if (decision.outcome === 'rejected') throw new Error(`expected acceptance, got: ${decision.reason}`);
  return decision;
}

function reasonOf(decision: Decision): string {
  if (decision.outcome !== 'rejected') throw new Error('expected a rejection');
  return decision.reason;
}

describe('decideCommand at order level', () => {
  it('ships an ordered order with a PUT carrying the number, the tracking text and the carrier', () => {
    // Given an acknowledged order
    const order = orderIn(Status.Ordered);
    // When a Shipped command with a tracking number arrives
    const decision = accepted(
      decideCommand(order, command({ status: 'Shipped', trackingNumbers: ['1Z1'], shippingProvider: 'UPS' })),
    );
    // Then the OrderStatusUpdate body is exact, and the order and every item are Shipped
    expect(decision.level).toBe('order');
    expect(decision.put).toEqual({ Id: ORDER_ID, Status: 2, TrackingInfo: '1Z1', ShippingProvider: 'UPS' });
    expect(decision.next.status).toBe(Status.Shipped);
    expect(decision.next.items.map((item) => item.status)).toEqual([Status.Shipped, Status.Shipped]);
    expect(decision.next.trackingNumbers).toEqual(['1Z1']);
  });

  it('always sends Status as a number and leaves out TrackingInfo when no number is known', () => {
    // Given a new order
    const order = orderIn(Status.PendingSupplier);
    // When it is acknowledged by number, as text
    const decision = accepted(decideCommand(order, command({ status: '1' })));
    // Then the body has only the id and the numeric status
    expect(decision.put).toEqual({ Id: ORDER_ID, Status: Status.Ordered });
  });

  it('accepts a status name in any letter case', () => {
    // Given an acknowledged order
    // When the status is written in lower case
    const decision = decideCommand(orderIn(Status.Ordered), command({ status: 'backordered' }));
    // Then it is read as the enum name
    expect(accepted(decision).put).toMatchObject({ Status: Status.BackOrdered });
  });

  it('rejects a status outside the enum', () => {
    // Given an acknowledged order
    // When a command uses "Exception", a value of an old iQmetrix draft
    const decision = decideCommand(orderIn(Status.Ordered), command({ status: 'Exception' }));
    // Then it is rejected as unknown
    expect(reasonOf(decision)).toBe('unknown status "Exception"');
  });

  it('rejects Shipped after Cancelled', () => {
    // Given a cancelled order
    // When a Shipped command arrives
    const decision = decideCommand(orderIn(Status.Cancelled), command({ status: 'Shipped', trackingNumbers: ['T'] }));
    // Then it is rejected because Cancelled is final
    expect(reasonOf(decision)).toBe('order status Cancelled cannot become Shipped: Cancelled is final');
  });

  it.each(['Cancelled', 'Ordered', 'Other'])('keeps a cancelled order cancelled: %s is rejected', (status) => {
    // Given a cancelled order
    // When any status arrives, Cancelled again included
    const decision = decideCommand(orderIn(Status.Cancelled), command({ status }));
    // Then it is rejected
    expect(reasonOf(decision)).toContain('Cancelled is final');
  });

  it('rejects PendingSupplier, which the connector never sends', () => {
    // Given an acknowledged order
    // When a command asks for PendingSupplier by number
    const decision = decideCommand(orderIn(Status.Ordered), command({ status: 0 }));
    // Then it is rejected with the rule
    expect(reasonOf(decision)).toContain('the connector never sends PendingSupplier');
  });

  it('rejects shipping an order that was never acknowledged', () => {
    // Given an order still PendingSupplier
    // When a Shipped command arrives
    const decision = decideCommand(orderIn(Status.PendingSupplier), command({ status: 'Shipped' }));
    // Then the reason asks for Ordered first
    expect(reasonOf(decision)).toContain('acknowledge with Ordered before shipping');
  });

  it('moves a back-ordered order through Ordered to Shipped', () => {
    // Given a back-ordered order
    const backOrdered = orderIn(Status.BackOrdered);
    // When the stock arrives (Ordered) and then the order ships
    const ordered = accepted(decideCommand(backOrdered, command({ status: 'Ordered' })));
    const shipped = accepted(decideCommand(ordered.next, command({ status: 'Shipped', trackingNumbers: ['T1'] })));
    // Then both steps are accepted, and shipping straight from BackOrdered is not
    expect(ordered.next.status).toBe(Status.Ordered);
    expect(shipped.next.status).toBe(Status.Shipped);
    expect(reasonOf(decideCommand(backOrdered, command({ status: 'Shipped' })))).toContain('BackOrdered → Ordered');
  });

  it('adds tracking numbers to a shipped order, keeping the earlier ones', () => {
    // Given a shipped order with one tracking number
    const shipped = { ...orderIn(Status.Shipped), trackingNumbers: ['T1'] };
    // When Shipped is sent again with a second number
    const decision = accepted(decideCommand(shipped, command({ status: 'Shipped', trackingNumbers: ['T2'] })));
    // Then the PUT carries both numbers
    expect(decision.put).toMatchObject({ Status: Status.Shipped, TrackingInfo: 'T1,T2' });
  });

  it('includes numbers known only on the items in an order-level PUT', () => {
    // Given a state whose item numbers never reached the order's own list
    const base = orderIn(Status.PartiallyShipped, [Status.Shipped, Status.Ordered]);
    const items = [{ ...base.items[0], trackingNumbers: ['T1'] }, base.items[1]];
    const order = { ...base, trackingNumbers: ['T0'], items };
    // When the order ships with T2
    const decision = accepted(decideCommand(order, command({ status: 'Shipped', trackingNumbers: ['T2'] })));
    // Then the PUT carries the order's, the item's and the new number
    expect(decision.put).toMatchObject({ TrackingInfo: 'T0,T1,T2' });
    expect(decision.next.trackingNumbers).toEqual(['T0', 'T1', 'T2']);
  });

  it('rejects a repeated Shipped that adds no tracking number', () => {
    // Given a shipped order with one tracking number
    const shipped = { ...orderIn(Status.Shipped), trackingNumbers: ['T1'] };
    // When Shipped is sent again with the same number
    const decision = decideCommand(shipped, command({ status: 'Shipped', trackingNumbers: ['T1'] }));
    // Then it is rejected: a repeat is only for new numbers
    expect(reasonOf(decision)).toContain('Shipped may repeat only to add tracking numbers');
  });

  it('rejects an order-level status that a cancelled item cannot follow, naming the SKU', () => {
    // Given an order whose second item was cancelled
    const order = orderIn(Status.Ordered, [Status.Ordered, Status.Cancelled]);
    // When the whole order is shipped
    const decision = decideCommand(order, command({ status: 'Shipped' }));
    // Then it is rejected, since the PUT would set the cancelled item to Shipped
    expect(reasonOf(decision)).toContain('SKU SKU-2 cannot follow');
    expect(reasonOf(decision)).toContain('send an item-level command');
  });

  it('cancels an order whose items are partly cancelled already', () => {
    // Given an order with one cancelled item
    const order = orderIn(Status.Ordered, [Status.Ordered, Status.Cancelled]);
    // When the whole order is cancelled
    const decision = accepted(decideCommand(order, command({ status: 'Cancelled', message: 'customer request' })));
    // Then it is accepted and every item is Cancelled
    expect(decision.put).toEqual({ Id: ORDER_ID, Status: Status.Cancelled, Message: 'customer request' });
    expect(decision.next.items.every((item) => item.status === Status.Cancelled)).toBe(true);
  });

  it('rejects a command for another order', () => {
    // Given the state of one order
    // When a command names another order id
    const decision = decideCommand(orderIn(Status.Ordered), { commandId: 'c', orderId: 'other', status: 'Shipped' });
    // Then it is rejected rather than sent for the wrong order
    expect(reasonOf(decision)).toContain('command is for order other');
  });

  it('rejects a tracking number with a comma', () => {
    // Given an acknowledged order
    // When a tracking number smuggles a comma
    const decision = decideCommand(orderIn(Status.Ordered), command({ status: 'Shipped', trackingNumbers: ['A,B'] }));
    // Then the command is rejected
    expect(reasonOf(decision)).toBe('tracking number "A,B" contains a comma');
  });
});
