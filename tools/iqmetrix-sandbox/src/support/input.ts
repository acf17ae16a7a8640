/** Validation helpers for the admin API's JSON bodies: a bad body answers 400 with the message. */
export class InvalidInputError extends Error {}

export function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError(`${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

export function numberIn(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new InvalidInputError(`${field} must be a number from ${min} to ${max}`);
  }
  return value;
}

export function integerIn(value: unknown, field: string, min: number, max: number): number {
  const number = numberIn(value, field, min, max);
  if (!Number.isInteger(number)) throw new InvalidInputError(`${field} must be an integer`);
  return number;
}

/** A string, or null; `undefined` stays `undefined` (meaning "not given"). */
export function optionalString(value: unknown, field: string): string | null | undefined {
  if (value === undefined || value === null || typeof value === 'string') return value;
  throw new InvalidInputError(`${field} must be a string or null`);
}
