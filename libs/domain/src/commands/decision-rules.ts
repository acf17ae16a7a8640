import { Status } from '../status/status';
import { TransitionLevel } from '../status/status-transitions';
import { trackingNumberProblem } from '../tracking/tracking-numbers';
import { RejectedCommand } from './decision';

// Rules shared by the order-level and item-level decisions; internal to the library.

export function rejected(reason: string): RejectedCommand {
  return { outcome: 'rejected', reason };
}

/** Why a command's tracking number list is unusable, or undefined. */
export function trackingNumbersProblem(numbers: readonly unknown[] | undefined): string | undefined {
  for (const number of numbers ?? []) {
    const problem = trackingNumberProblem(number);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * Shipped is final but may repeat to add tracking numbers (api-reference Part 1 §9), so a repeat
 * that adds none is refused rather than sending iQmetrix a pointless second Shipped.
 */
export function repeatedShippedWithoutNewNumber(
  from: Status,
  to: Status,
  numbers: { readonly known: readonly string[]; readonly after: readonly string[] },
  level: TransitionLevel,
): string | undefined {
  if (from !== Status.Shipped || to !== Status.Shipped || numbers.after.length > numbers.known.length) {
    return undefined;
  }
  return `${level} is already Shipped: Shipped may repeat only to add tracking numbers, and this adds none`;
}

/** `fields` without its undefined values, so that optional PUT fields are left out rather than null. */
export function withoutUndefined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}
