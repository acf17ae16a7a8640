/** Options of a domain error; `details` must stay free of secrets and personal data. */
export interface DomainErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
}

/**
 * Base of the domain library's typed errors. The domain may not import `@dropship/platform`, so this
 * mirrors the shape of its `AppError` (stable `code` 'AREA.REASON', `message`, `retriable`, `details`)
 * for edges that map errors by shape. Domain errors describe invalid input: a retry of the same input
 * fails the same way, so `retriable` is always false.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly retriable = false;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? {};
  }
}
