/** How soon a partition held back for an order's `received` is read again. */
export const HOLD_RETRY_MS = 250;

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/**
 * Delay before the `attempt`-th retry of a partition after a transient failure: exponential from
 * 0.5 s, capped at 10 s so that the router resumes soon after Postgres or Kafka come back, with
 * jitter so that replicas and partitions do not retry in step.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}
