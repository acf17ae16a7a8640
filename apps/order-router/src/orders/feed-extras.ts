/**
 * Adds the feed's other fields after the documented ones (the contract drops no field the feed
 * carries). A feed element that happens to share a name with a field the router derives (entryId,
 * receivedAt, trackingNumbers) never replaces the derived value. Own keys only are compared, so an
 * element named like an Object method (`constructor`) is kept, and one named `__proto__` becomes a
 * field, not the prototype. (A plain loop: this runs for every part of every order.)
 */
export function withExtras(documented: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...documented };
  for (const key of Object.keys(extra)) {
    if (Object.hasOwn(result, key)) continue;
    if (key === '__proto__') Object.defineProperty(result, key, { value: extra[key], enumerable: true, writable: true, configurable: true });
    else result[key] = extra[key];
  }
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
