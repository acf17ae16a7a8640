import { AppError } from '@dropship/platform';

/** A replay request without a usable `since` time. Answered 400 by the admin endpoint, exit 2 by the CLI. */
export class InvalidReplayRequestError extends AppError {
  constructor(reason: string) {
    super('REPLAY.INVALID_REQUEST', reason, { details: { reason } });
  }
}

/**
 * A replay asked for while another runs on this replica: answered 409. Each replay walks the feed
 * with its own page cache (up to FEED_PAGE_CACHE_BYTES), so replays started one after another by a
 * retrying script would hold that much memory each, beside the poller's.
 */
export class ReplayAlreadyRunningError extends AppError {
  constructor(readonly jobId: string) {
    super('REPLAY.ALREADY_RUNNING', `replay ${jobId} is still running on this replica: wait for it (GET /admin/replay/${jobId})`, {
      details: { jobId },
    });
  }
}

/** Reads the `since` of a replay: an ISO 8601 time with a zone, not in the future. */
export function parseSince(value: unknown, now = Date.now()): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) {
    throw new InvalidReplayRequestError('"since" must be an ISO 8601 time with a zone, e.g. 2024-01-15T12:00:00Z');
  }
  const time = new Date(value.trim());
  if (Number.isNaN(time.getTime())) throw new InvalidReplayRequestError(`"since" ${JSON.stringify(value)} is not a valid time`);
  if (time.getTime() > now) throw new InvalidReplayRequestError('"since" is in the future: there is nothing to replay');
  return time;
}
