import { UnknownStatusError } from './status.errors';

/**
 * The iQmetrix status enum, identical for orders (OrderStatus) and items (ItemStatus). The numbers are
 * what the connector sends in `Status` (api-reference Part 1 §5); the feed writes the names.
 */
export enum Status {
  PendingSupplier = 0,
  Ordered = 1,
  Shipped = 2,
  BackOrdered = 3,
  Error = 4,
  NotAvailable = 5,
  PartiallyShipped = 6,
  Cancelled = 7,
  Other = 8,
}

/** Every status, in numeric order. */
export const ALL_STATUSES: readonly Status[] = [
  Status.PendingSupplier,
  Status.Ordered,
  Status.Shipped,
  Status.BackOrdered,
  Status.Error,
  Status.NotAvailable,
  Status.PartiallyShipped,
  Status.Cancelled,
  Status.Other,
];

const STATUS_BY_LOWER_CASE_NAME = new Map(ALL_STATUSES.map((status) => [Status[status].toLowerCase(), status]));

function isStatusNumber(value: number): value is Status {
  return Number.isInteger(value) && value >= Status.PendingSupplier && value <= Status.Other;
}

/**
 * The status named by `input` (a name in any letter case, a number, or a numeric string; surrounding
 * spaces ignored), or undefined. "Exception", seen in old iQmetrix examples, is not in the enum.
 */
export function tryParseStatus(input: unknown): Status | undefined {
  if (typeof input === 'number') return isStatusNumber(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  if (/^\d+$/.test(text)) return tryParseStatus(Number(text));
  return STATUS_BY_LOWER_CASE_NAME.get(text.toLowerCase());
}

/** Like {@link tryParseStatus}, but throws {@link UnknownStatusError} (`STATUS.UNKNOWN`) for unknown input. */
export function parseStatus(input: string | number): Status {
  const status = tryParseStatus(input);
  if (status === undefined) throw new UnknownStatusError(input);
  return status;
}

/** The enum name of a status, as iQmetrix writes it in the feed (e.g. "PartiallyShipped"). */
export function statusName(status: Status): string {
  if (!isStatusNumber(status)) throw new UnknownStatusError(status);
  return Status[status];
}
