/**
 * True for a Postgres error caused by the values given, not by the database's state: SQLSTATE class
 * 22 (data exception, e.g. `\u0000` in a jsonb string) or 23 (integrity constraint). The same record
 * fails the same way however often it is retried, so it must not stall its partition.
 */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

export function sqlStateOf(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? 'unknown');
}
