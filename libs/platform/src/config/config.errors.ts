import { AppError } from '../errors/app-error';

/** A missing or malformed configuration variable; the message is one line naming it. */
export class ConfigError extends AppError {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super('CONFIG.INVALID', `${variable} ${reason}`, { details: { variable } });
  }
}
