import { AppError } from '@dropship/platform';

/** The routing rules cannot be used; `message` is one line and names the rule's position when known. */
export class InvalidRoutingRulesError extends AppError {
  constructor(
    readonly reason: string,
    readonly position?: number,
  ) {
    super('ROUTING.INVALID_RULES', position === undefined ? reason : `rule ${position}: ${reason}`, {
      details: { position },
    });
  }
}
