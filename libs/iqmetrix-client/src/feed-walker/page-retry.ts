import { setTimeout as sleep } from 'node:timers/promises';
import { isRetriable } from '@dropship/platform';
import { delayFor } from '../http/backoff';

/** How a walk retries one page fetch that failed for a passing reason. */
export interface PageRetryPolicy {
  /** Tries per page, the first included. Default 4. */
  attempts?: number;
  /** Backoff of the retries (full jitter), unless iQmetrix said how long to wait. Defaults 250 ms and 4 s. */
  baseMs?: number;
  maxMs?: number;
  /** A longer wait (a 429 far from its reset) is left to the caller: the walk fails. Default 65 s. */
  maxWaitMs?: number;
}

const DEFAULTS: Required<PageRetryPolicy> = { attempts: 4, baseMs: 250, maxMs: 4_000, maxWaitMs: 65_000 };

/**
 * Runs one page fetch, retrying it after a retriable failure (5xx, a dropped connection, a cut-off
 * body, a 429 once its reset has come). Without this a walk back through N pages would need N
 * answers in a row without a hiccup, and a long catch-up would almost never get through its scan.
 */
export async function withPageRetries<T>(operation: () => Promise<T>, policy: PageRetryPolicy = {}, signal?: AbortSignal): Promise<T> {
  const { attempts, baseMs, maxMs, maxWaitMs } = { ...DEFAULTS, ...policy };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isRetriable(error) || attempt >= attempts) throw error;
      const waitMs = delayFor(error, attempt, { baseMs, maxMs });
      if (waitMs > maxWaitMs) throw error;
      await sleep(waitMs, undefined, { signal });
    }
  }
}
