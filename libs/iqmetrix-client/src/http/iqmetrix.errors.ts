import { AppError } from '@dropship/platform';

/** Where a failed call went, safe to log: no query string, ids replaced by `{id}`. */
export interface CallContext {
  method: string;
  host: string;
  pathTemplate: string;
}

/**
 * iQmetrix could not be reached or answered that it is temporarily unable to (5xx, 408, timeouts,
 * refused or reset connections). Retrying later may succeed.
 */
export class IqmetrixUnavailableError extends AppError {
  constructor(call: CallContext, reason: string, options: { status?: number; cause?: unknown } = {}) {
    super('IQMETRIX.UNAVAILABLE', `iQmetrix unavailable: ${call.method} ${call.host}${call.pathTemplate}: ${reason}`, {
      retriable: true,
      cause: options.cause,
      details: { ...call, reason, ...(options.status === undefined ? {} : { status: options.status }) },
    });
  }
}

/** iQmetrix answered 429. `retryAfterMs` is how long it asked us to wait, when it said so. */
export class IqmetrixRateLimitedError extends AppError {
  constructor(
    call: CallContext,
    readonly retryAfterMs: number | undefined,
  ) {
    super('IQMETRIX.RATE_LIMITED', `iQmetrix rate limit exceeded: ${call.method} ${call.host}${call.pathTemplate}`, {
      retriable: true,
      details: { ...call, status: 429, retryAfterMs },
    });
  }
}

/**
 * iQmetrix refused the request for a reason that a retry will not change (400, 404, other 4xx).
 * `responseBody` is iQmetrix's answer, truncated, so that the refusal can be reported as it was given.
 */
export class IqmetrixRequestRejectedError extends AppError {
  constructor(
    call: CallContext,
    readonly status: number,
    readonly responseBody: string,
  ) {
    super('IQMETRIX.REQUEST_REJECTED', `iQmetrix rejected ${call.method} ${call.host}${call.pathTemplate} with ${status}`, {
      retriable: false,
      details: { ...call, status, responseBody },
    });
  }
}

/**
 * The Dropship API answered 401 again with a token obtained just for the retry. Retriable because
 * the request is not at fault (revoked credentials, clock or environment trouble): failing a status
 * command permanently for it would lose the update, while retrying with backoff keeps it visible.
 */
export class IqmetrixUnauthorizedError extends AppError {
  constructor(call: CallContext) {
    super('IQMETRIX.UNAUTHORIZED', `iQmetrix answered 401 to ${call.method} ${call.host}${call.pathTemplate} twice`, {
      retriable: true,
      details: { ...call, status: 401 },
    });
  }
}

/** An absolute URL that is not on the configured Dropship origin: the bearer token is never sent there. */
export class IqmetrixForeignUrlError extends AppError {
  constructor(host: string, expectedHost: string) {
    super('IQMETRIX.FOREIGN_URL', `refusing to call ${host}: only ${expectedHost} receives the iQmetrix token`, {
      retriable: false,
      details: { host, expectedHost },
    });
  }
}
