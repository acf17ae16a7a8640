/**
 * iQmetrix's status enum (api-reference §4.4): the same names and numbers for orders and items.
 * The index of a name is its number on the wire.
 */
export const STATUS_NAMES = [
  'PendingSupplier',
  'Ordered',
  'Shipped',
  'BackOrdered',
  'Error',
  'NotAvailable',
  'PartiallyShipped',
  'Cancelled',
  'Other',
] as const;

export type StatusName = (typeof STATUS_NAMES)[number];

/** A status in a command: its name, or its number 0 to 8. */
export type StatusValue = StatusName | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** The numbers of STATUS_NAMES, in the same order. */
export const STATUS_NUMBERS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
