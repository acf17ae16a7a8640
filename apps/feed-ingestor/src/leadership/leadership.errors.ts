import { AppError } from '@dropship/platform';

/**
 * The Postgres session holding the leader lock is gone (connection closed, heartbeat failed): the
 * lock went with it, so this replica must stop polling at once; another may already lead.
 */
export class LeadershipLostError extends AppError {
  constructor(reason: string, cause?: unknown) {
    super('LEADERSHIP.LOST', `leader lock session lost: ${reason}`, { retriable: true, cause, details: { reason } });
  }
}
