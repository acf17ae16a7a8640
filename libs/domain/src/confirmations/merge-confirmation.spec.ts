import { OrderState } from '../commands/order-state';
import { Status } from '../status/status';
import { ConfirmationContext, ConfirmedStatus, mergeConfirmation } from './merge-confirmation';

const ORDER_ID = '32cb2b46-fb26-48c8-9b8f-67ed759e2599';

function order(status: Status, trackingNumbers: string[] = []): OrderState {
  const item = (sku: string) => ({ sku, status, quantity: 1, trackingNumbers: [] as string[] });
  return { orderId: ORDER_ID, status, trackingNumbers, items: [item('A'), item('B')] };
}

function confirmation(status: string | null, trackingNumbers: string[] = [], itemStatus = status): ConfirmedStatus {
  const items = ['A', 'B'].map((sku) => ({ sku, status: itemStatus, trackingNumbers }));
  return { status, items, trackingNumbers };
}

const QUIET: ConfirmationContext = { putsDelivered: 2, confirmationsSeen: 2, unfinishedPuts: 0 };

describe('mergeConfirmation', () => {
  it('takes over a status changed outside the connector when the order is quiet', () => {
    // Given an Ordered order whose own PUTs have all been echoed and nothing is queued
    // When iQmetrix reports it Cancelled
    const merged = mergeConfirmation(order(Status.Ordered), confirmation('Cancelled'), QUIET);
    // Then the order and its items are Cancelled, so a later Shipped is refused
    expect(merged.statusApplied).toBe(true);
    expect(merged.next.status).toBe(Status.Cancelled);
    expect(merged.next.items.map((item) => item.status)).toEqual([Status.Cancelled, Status.Cancelled]);
  });

  it('keeps the state later commands set when an echo of an older PUT is outstanding', () => {
    // Given an order Ordered again after BackOrdered: two PUTs delivered, one echo seen so far
    const context = { putsDelivered: 2, confirmationsSeen: 1, unfinishedPuts: 0 };
    // When the late echo of the BackOrdered PUT arrives
    const merged = mergeConfirmation(order(Status.Ordered), confirmation('BackOrdered'), context);
    // Then the status stays Ordered
    expect(merged.statusApplied).toBe(false);
    expect(merged.next.status).toBe(Status.Ordered);
    expect(merged.next.items.map((item) => item.status)).toEqual([Status.Ordered, Status.Ordered]);
  });

  it('keeps the state while a PUT of the order is queued or in flight', () => {
    // Given every echo seen, but a Shipped PUT still queued
    const context = { ...QUIET, unfinishedPuts: 1 };
    // When a confirmation of the earlier Ordered arrives
    const merged = mergeConfirmation(order(Status.Shipped), confirmation('Ordered'), context);
    // Then nothing moves back
    expect(merged.next.status).toBe(Status.Shipped);
  });

  it('always adds the tracking numbers iQmetrix reports, even to an order it does not take the status of', () => {
    // Given an order that knows T1 and has an echo outstanding
    const context = { putsDelivered: 1, confirmationsSeen: 0, unfinishedPuts: 0 };
    // When a confirmation carries T0 (set elsewhere) and T1
    const merged = mergeConfirmation(order(Status.Shipped, ['T1']), confirmation('Shipped', ['T0', 'T1']), context);
    // Then both are known for the order and for each item, with nothing lost
    expect(merged.next.trackingNumbers).toEqual(['T1', 'T0']);
    expect(merged.next.items[0].trackingNumbers).toEqual(['T0', 'T1']);
  });

  it('derives the order status from item statuses when the confirmation has no order-level status', () => {
    // Given a quiet Ordered order
    // When only item A is reported Shipped
    const confirmed: ConfirmedStatus = {
      status: null,
      items: [{ sku: 'A', status: 'Shipped', trackingNumbers: ['T9'] }],
      trackingNumbers: ['T9'],
    };
    const merged = mergeConfirmation(order(Status.Ordered), confirmed, QUIET);
    // Then A is Shipped, B unchanged, and the order counts as partially shipped
    expect(merged.next.items.map((item) => item.status)).toEqual([Status.Shipped, Status.Ordered]);
    expect(merged.next.status).toBe(Status.PartiallyShipped);
  });

  it('ignores SKUs the order does not have and status names outside the enum', () => {
    // Given a quiet order
    const confirmed: ConfirmedStatus = {
      status: 'Exception',
      items: [{ sku: 'Z', status: 'Shipped', trackingNumbers: [] }],
      trackingNumbers: [],
    };
    // When the confirmation names an unknown SKU and an unknown status
    const merged = mergeConfirmation(order(Status.Ordered), confirmed, QUIET);
    // Then the state is unchanged
    expect(merged.statusApplied).toBe(false);
    expect(merged.next).toEqual(order(Status.Ordered));
  });
});
