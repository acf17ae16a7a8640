/** Fields every error of the connector carries: a stable code and whether a retry may succeed. */
export interface AppErrorOptions {
  /** True when the same operation may succeed later (network, broker or database away). */
  retriable?: boolean;
  cause?: unknown;
  /** Non-sensitive context for logs and dead-letter records: no secrets, no personal data. */
  details?: Record<string, unknown>;
}

/**
 * Base of every typed error (style §7): `code` is stable (`AREA.REASON`) so that callers,
 * metrics and dead-letter consumers can act on it without parsing messages.
 */
export class AppError extends Error {
  readonly code: string;
  readonly retriable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = options.retriable ?? false;
    this.details = options.details ?? {};
  }
}

/** True when `error` is an AppError that says a retry may succeed. */
export function isRetriable(error: unknown): boolean {
  return error instanceof AppError && error.retriable;
}

/** A short, log-safe description of any thrown value. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: error.name, message: error.message };
  return { code: 'UNKNOWN', message: String(error) };
}
