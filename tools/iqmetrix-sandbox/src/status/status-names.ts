/** OrderStatus and ItemStatus share these names and numbers (api-reference §4.4): index = number. */
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

/** A name, matched without regard to case as .NET's enum parsing does; `undefined` if unknown. */
export function statusFromName(name: string): StatusName | undefined {
  const lower = name.toLowerCase();
  return STATUS_NAMES.find((status) => status.toLowerCase() === lower);
}

export function statusFromNumber(value: number): StatusName | undefined {
  return Number.isInteger(value) ? STATUS_NAMES[value] : undefined;
}

export function statusNumber(status: StatusName): number {
  return STATUS_NAMES.indexOf(status);
}
