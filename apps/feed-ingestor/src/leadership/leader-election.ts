import { Logger } from '@nestjs/common';
import { describeError } from '@dropship/platform';
import { setTimeout as sleep } from 'node:timers/promises';
import { LeaderSession, type LeaderSessionOptions } from './leader-session';

export interface LeaderElectionOptions extends LeaderSessionOptions {
  retryMs: number;
}

/**
 * Only one replica polls the feed: the one whose Postgres session holds the advisory lock. The
 * others keep a session open and try the lock every `retryMs`, so that one takes over within that
 * time once the leader's session ends.
 */
export class LeaderElection {
  private readonly logger = new Logger(LeaderElection.name);
  private lastProblem?: string;

  constructor(private readonly options: LeaderElectionOptions) {}

  /** A session holding the lock, or undefined once `signal` is aborted. */
  async acquire(signal: AbortSignal): Promise<LeaderSession | undefined> {
    let session: LeaderSession | undefined;
    let announced = false;
    while (!signal.aborted) {
      try {
        if (session?.signal.aborted) session = undefined;
        session ??= await LeaderSession.open(this.options);
        if (await session.tryLock()) {
          this.lastProblem = undefined;
          this.logger.log({ msg: 'leader lock acquired; this replica polls the feed' });
          return session;
        }
        if (!announced) this.logger.log({ msg: 'another replica holds the leader lock; standing by' });
        announced = true;
      } catch (error) {
        this.reportProblem(error);
        await session?.close();
        session = undefined;
      }
      await sleep(this.options.retryMs, undefined, { signal }).catch(() => undefined);
    }
    await session?.close();
    return undefined;
  }

  /** Postgres away: said once per distinct problem, not on every retry. */
  private reportProblem(error: unknown): void {
    const { code, message } = describeError(error);
    if (this.lastProblem === message) return;
    this.lastProblem = message;
    this.logger.warn({ msg: 'cannot try the leader lock; retrying', code, reason: message });
  }
}
