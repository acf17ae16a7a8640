import { Logger } from '@nestjs/common';

const ERROR_LOG_INTERVAL_MS = 60_000;

/**
 * Whether iQmetrix refuses our credentials. That is a configuration problem, not a command's:
 * rows keep being retried, readiness reports it, and an error is logged (once a minute) so that
 * someone fixes the secret; the first accepted PUT clears it.
 */
export class IqmetrixAccess {
  private readonly logger = new Logger(IqmetrixAccess.name);
  private problem?: { since: number; error: string };
  private lastLoggedAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  refused(error: string): void {
    const now = this.now();
    this.problem ??= { since: now, error };
    if (now - this.lastLoggedAt < ERROR_LOG_INTERVAL_MS) return;
    this.lastLoggedAt = now;
    this.logger.error({ msg: 'iQmetrix refuses the configured credentials; status PUTs wait until they are fixed', error });
  }

  accepted(): void {
    if (this.problem === undefined) return;
    this.logger.log({ msg: 'iQmetrix accepts the credentials again', refusedForMs: this.now() - this.problem.since });
    this.problem = undefined;
    this.lastLoggedAt = 0;
  }

  /** Readiness probe: rejects while the credentials are refused. */
  async check(): Promise<void> {
    if (this.problem !== undefined) throw new Error(`iQmetrix refuses the credentials: ${this.problem.error}`);
  }
}
