/**
 * Adds the feed's other fields after the documented ones (the contract drops no field the feed
 * carries). A feed element that happens to share a name with a field the router derives (entryId,
 * receivedAt, trackingNumbers) never replaces the derived value.
 */
export function withExtras(documented: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const result = { ...documented };
  for (const [key, value] of Object.entries(extra)) if (!(key in result)) result[key] = value;
  return result;
}

/** JSON with object keys sorted, so that equal content gives equal text whatever the key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
