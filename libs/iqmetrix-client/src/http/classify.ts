import { AppError } from '@dropship/platform';
import {
  CallContext,
  IqmetrixRateLimitedError,
  IqmetrixRequestRejectedError,
  IqmetrixUnavailableError,
} from './iqmetrix.errors';
import { ResponseHeaders, retryAfterMs } from './rate-limit';

/** undici codes that mean our own request was malformed: a bug to surface, not an outage to retry. */
const PROGRAMMING_ERROR_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_INVALID_RETURN_VALUE', 'UND_ERR_NOT_SUPPORTED']);

export interface FailedResponse {
  status: number;
  headers: ResponseHeaders;
  bodyText: string;
}

/**
 * Turns a non-2xx answer into the typed error callers decide on (api-reference decision 11):
 * 429 waits for the reset, 5xx and 408 are retried with backoff, every other status is permanent.
 */
export function errorForResponse(call: CallContext, response: FailedResponse, now: number): AppError {
  const { status } = response;
  if (status === 429) return new IqmetrixRateLimitedError(call, retryAfterMs(response.headers, now));
  if (status === 408 || status >= 500) return new IqmetrixUnavailableError(call, `HTTP ${status}`, { status });
  return new IqmetrixRequestRejectedError(call, status, response.bodyText);
}

/**
 * Turns what undici or the socket threw (timeouts, ECONNREFUSED, ECONNRESET, closed sockets, DNS)
 * into a retriable IqmetrixUnavailableError. Errors that are already typed, and undici's
 * invalid-argument errors, pass through unchanged.
 */
export function errorForTransportFailure(call: CallContext, error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = errorCode(error);
  if (code !== undefined && PROGRAMMING_ERROR_CODES.has(code)) return error;
  const reason = code ?? (error instanceof Error ? error.name : 'unknown transport failure');
  return new IqmetrixUnavailableError(call, reason, { cause: error });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
