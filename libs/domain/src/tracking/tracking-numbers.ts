import { InvalidTrackingNumberError } from './tracking.errors';

/*
 * iQmetrix keeps an order's or item's tracking numbers in one string, `TrackingInfo`, joined with
 * commas, and a PUT presumably replaces it, so the connector sends the union of every number it knows
 * (api-reference Part 1 §6). Numbers are compared exactly (letter case counts) after trimming spaces.
 */

/** The tracking numbers in a `TrackingInfo` / `tracking-info` text: split on commas, trimmed, blanks dropped. */
export function parseTrackingNumbers(text: string | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * Why `value` cannot be a tracking number (not a string, or a comma inside, which would split it into
 * two numbers in `TrackingInfo`), or undefined when it can. A blank string is acceptable: it is dropped.
 */
export function trackingNumberProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `tracking number ${JSON.stringify(value) ?? String(value)} is not a string`;
  if (value.includes(',')) return `tracking number "${value.trim()}" contains a comma`;
  return undefined;
}

function checkedTrackingNumber(value: string): string {
  const problem = trackingNumberProblem(value);
  if (problem !== undefined) throw new InvalidTrackingNumberError(problem);
  return value.trim();
}

/**
 * `existing` followed by the numbers of `added` not already in it: order of first appearance, no
 * duplicates, trimmed, blanks dropped. Throws {@link InvalidTrackingNumberError} for a number with a comma.
 */
export function unionTrackingNumbers(existing: readonly string[], added: readonly string[]): string[] {
  const union = new Set<string>();
  for (const value of [...existing, ...added]) {
    const number = checkedTrackingNumber(value);
    if (number.length > 0) union.add(number);
  }
  return [...union];
}

/** The `TrackingInfo` text for `numbers`: comma-joined without spaces, after {@link unionTrackingNumbers}. */
export function formatTrackingInfo(numbers: readonly string[]): string {
  return unionTrackingNumbers([], numbers).join(',');
}
