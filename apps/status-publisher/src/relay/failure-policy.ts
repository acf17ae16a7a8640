import { AppError, describeError } from '@dropship/platform';
import {
  backoffDelay,
  IqmetrixAuthError,
  IqmetrixInvalidStatusBodyError,
  IqmetrixRateLimitedError,
  IqmetrixRequestRejectedError,
  IqmetrixUnauthorizedError,
  IqmetrixUnavailableError,
} from '@dropship/iqmetrix-client';

export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
  /** Uniform in [0, 1); injectable for tests. */
  random?: () => number;
}

/** What to do with a row whose PUT threw. */
export type FailureAction =
  | { kind: 'retry'; delayMs: number; reason: RetryReason; error: string; status?: number; pauseAllMs?: number }
  | { kind: 'failed'; answer: { status: number; body: unknown }; error: string }
  | { kind: 'park'; error: string };

export type RetryReason = 'unavailable' | 'rate_limited' | 'unauthorized' | 'auth' | 'other';

// Spreads retries after a rate-limit reset, so every waiting row does not hit the new window at once.
const RESET_SPREAD_MS = 250;

/**
 * Decision 11 of the api-reference: 429 waits for the reset, 5xx/timeouts/connection errors back
 * off exponentially with full jitter and are retried without limit, 400/404 (any other 4xx) are
 * permanent. Refused credentials are a configuration problem, not the command's: the row is
 * retried (and readiness reports it) rather than failed. A body we cannot even send, and errors we
 * do not know, are parked for an operator rather than retried forever.
 */
export function failureAction(error: unknown, attempt: number, backoff: BackoffSettings): FailureAction {
  const random = backoff.random ?? Math.random;
  const delay = (): number => backoffDelay(attempt, { baseMs: backoff.baseMs, maxMs: backoff.maxMs, random });
  const text = describeText(error);
  if (error instanceof IqmetrixRequestRejectedError) {
    return { kind: 'failed', answer: { status: error.status, body: parseAnswer(error.responseBody) }, error: text };
  }
  if (error instanceof IqmetrixRateLimitedError) {
    const waitMs = error.retryAfterMs ?? delay();
    const delayMs = waitMs + Math.floor(random() * RESET_SPREAD_MS);
    return { kind: 'retry', delayMs, reason: 'rate_limited', error: text, status: 429, pauseAllMs: waitMs };
  }
  if (error instanceof IqmetrixAuthError) return { kind: 'retry', delayMs: delay(), reason: 'auth', error: text };
  if (error instanceof IqmetrixUnauthorizedError) return { kind: 'retry', delayMs: delay(), reason: 'unauthorized', error: text, status: 401 };
  if (error instanceof IqmetrixUnavailableError) {
    const status = typeof error.details['status'] === 'number' ? error.details['status'] : undefined;
    return { kind: 'retry', delayMs: delay(), reason: 'unavailable', error: text, status };
  }
  if (error instanceof IqmetrixInvalidStatusBodyError) return { kind: 'park', error: text };
  if (error instanceof AppError && error.retriable) return { kind: 'retry', delayMs: delay(), reason: 'other', error: text };
  return { kind: 'park', error: `unexpected error: ${text}` };
}

/** iQmetrix's answer as JSON when it is JSON, else its text (the result schema allows both). */
export function parseAnswer(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describeText(error: unknown): string {
  const { code, message } = describeError(error);
  return `${code}: ${message}`.slice(0, 2_000);
}
