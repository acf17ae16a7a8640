import { STATUS_NAMES, statusFromName, statusFromNumber } from './status-names';
import { ALLOWED_TRANSITIONS, isTransitionAllowed } from './transitions';

describe('status transition table', () => {
  it('never allows a move back to PendingSupplier', () => {
    // Given every status
    // Then none may move to PendingSupplier
    for (const from of STATUS_NAMES) expect(isTransitionAllowed(from, 'PendingSupplier')).toBe(false);
  });

  it('makes Cancelled final and lets Shipped and PartiallyShipped repeat', () => {
    // Then Cancelled has no way out and the shipping states may repeat
    expect(ALLOWED_TRANSITIONS.Cancelled).toEqual([]);
    expect(isTransitionAllowed('Shipped', 'Shipped')).toBe(true);
    expect(isTransitionAllowed('PartiallyShipped', 'PartiallyShipped')).toBe(true);
    expect(isTransitionAllowed('Shipped', 'Cancelled')).toBe(false);
  });

  it('follows the guide diagrams for the usual paths', () => {
    // Then the documented flows are allowed
    expect(isTransitionAllowed('PendingSupplier', 'Ordered')).toBe(true);
    expect(isTransitionAllowed('Ordered', 'Shipped')).toBe(true);
    expect(isTransitionAllowed('BackOrdered', 'Ordered')).toBe(true);
    expect(isTransitionAllowed('NotAvailable', 'Cancelled')).toBe(true);
    expect(isTransitionAllowed('PendingSupplier', 'Shipped')).toBe(false);
  });

  it('reads names without regard to case and numbers 0-8 only', () => {
    // Then parsing matches the enum table
    expect(statusFromName('partiallyshipped')).toBe('PartiallyShipped');
    expect(statusFromName('Exception')).toBeUndefined();
    expect(statusFromNumber(6)).toBe('PartiallyShipped');
    expect(statusFromNumber(9)).toBeUndefined();
    expect(statusFromNumber(2.5)).toBeUndefined();
  });
});
