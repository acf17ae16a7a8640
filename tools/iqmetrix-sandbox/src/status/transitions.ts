import type { StatusName } from './status-names';

/**
 * The status changes strict mode accepts, from the guide's flow diagrams (api-reference §4.4 and
 * Part 1 decision 9). Whether iQmetrix itself rejects others is undocumented, so this only applies
 * with `strict: true`. Nothing ever moves back to PendingSupplier; Cancelled is final; Shipped may
 * repeat (more tracking numbers), as may PartiallyShipped.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<StatusName, readonly StatusName[]>> = {
  PendingSupplier: ['Ordered', 'Cancelled', 'BackOrdered', 'NotAvailable', 'Error', 'Other'],
  Ordered: ['Shipped', 'PartiallyShipped', 'Cancelled', 'BackOrdered'],
  BackOrdered: ['Ordered', 'Cancelled'],
  PartiallyShipped: ['PartiallyShipped', 'Shipped'],
  Shipped: ['Shipped'],
  NotAvailable: ['Cancelled'],
  Error: ['Ordered', 'Cancelled'],
  Other: ['Ordered', 'Cancelled'],
  Cancelled: [],
};

export function isTransitionAllowed(from: StatusName, to: StatusName): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}
