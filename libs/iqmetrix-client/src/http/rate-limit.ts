/** Response headers as undici hands them over. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** The Dropship API's rate-limit headers on the last response, so that callers can pace themselves. */
export interface RateLimitSnapshot {
  limit?: number;
  remaining?: number;
  resetSeconds?: number;
  /** Clock time (ms) at which the response carrying these values arrived. */
  observedAt: number;
}

// Below this a numeric X-RateLimit-Reset is a delay in seconds, above it an epoch time in seconds.
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

/** Reads X-RateLimit-* (iQmetrix sends them on every response); undefined when none is present. */
export function readRateLimit(headers: ResponseHeaders, now: number): RateLimitSnapshot | undefined {
  const limit = numberHeader(headers, 'x-ratelimit-limit');
  const remaining = numberHeader(headers, 'x-ratelimit-remaining');
  const resetSeconds = numberHeader(headers, 'x-ratelimit-resetseconds');
  if (limit === undefined && remaining === undefined && resetSeconds === undefined) return undefined;
  return { limit, remaining, resetSeconds, observedAt: now };
}

/**
 * How long a 429 asks us to wait, in ms: `Retry-After` (seconds or HTTP date) first, since it is the
 * standard, then iQmetrix's documented `X-RateLimit-ResetSeconds`, then `X-RateLimit-Reset` (a UTC
 * time). Undefined when no header says.
 */
export function retryAfterMs(headers: ResponseHeaders, now: number): number | undefined {
  return (
    delayFromSecondsOrDate(header(headers, 'retry-after'), now) ??
    secondsToMs(numberHeader(headers, 'x-ratelimit-resetseconds')) ??
    delayFromReset(header(headers, 'x-ratelimit-reset'), now)
  );
}

function delayFromSecondsOrDate(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  if (isNumeric(value)) return secondsToMs(Number(value));
  return untilDate(value, now);
}

function delayFromReset(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  if (!isNumeric(value)) return untilDate(value, now);
  const seconds = Number(value);
  return seconds >= EPOCH_SECONDS_THRESHOLD ? Math.max(0, seconds * 1000 - now) : secondsToMs(seconds);
}

function untilDate(value: string, now: number): number | undefined {
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : Math.max(0, time - now);
}

function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Math.max(0, Math.round(seconds * 1000));
}

function numberHeader(headers: ResponseHeaders, name: string): number | undefined {
  const value = header(headers, name);
  return value !== undefined && isNumeric(value) ? Number(value) : undefined;
}

function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

function isNumeric(value: string): boolean {
  return /^\d+(\.\d+)?$/.test(value);
}
