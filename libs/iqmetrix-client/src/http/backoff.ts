import { IqmetrixRateLimitedError } from './iqmetrix.errors';

export interface BackoffOptions {
  /** Ceiling of the first retry's delay. */
  baseMs?: number;
  /** Largest ceiling, however many attempts failed. */
  maxMs?: number;
  /** Full jitter (a uniform delay below the ceiling) so that many callers do not retry in step. */
  jitter?: boolean;
  /** Uniform in [0, 1), injectable for tests. */
  random?: () => number;
}

export const DEFAULT_BACKOFF: Required<Omit<BackoffOptions, 'random'>> = {
  baseMs: 1_000,
  maxMs: 5 * 60_000,
  jitter: true,
};

/**
 * Delay before retry number `attempt` (1 = first retry): exponential (`baseMs * 2^(attempt-1)`,
 * capped at `maxMs`) with full jitter.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs, maxMs, jitter } = { ...DEFAULT_BACKOFF, ...options };
  const random = options.random ?? Math.random;
  const exponent = Math.min(Math.max(0, Math.floor(attempt) - 1), 52);
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  return jitter ? Math.floor(random() * ceiling) : ceiling;
}

/**
 * Delay before retrying after `error`: the wait a 429 asked for when it said one (decision 11:
 * wait for the reset), otherwise `backoffDelay(attempt)`.
 */
export function delayFor(error: unknown, attempt: number, options: BackoffOptions = {}): number {
  if (error instanceof IqmetrixRateLimitedError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  return backoffDelay(attempt, options);
}
