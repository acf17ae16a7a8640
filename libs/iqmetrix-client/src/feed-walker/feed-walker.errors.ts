import { AppError, describeError } from '@dropship/platform';

/**
 * A page's body stopped before its end: the connection dropped or timed out mid-transfer, or fewer
 * bytes came than Content-Length announced. Retriable, and deliberately not FEED.MALFORMED_PAGE:
 * the page is fine, the transfer was not, and fetching it again will most likely succeed.
 */
export class FeedPageInterruptedError extends AppError {
  constructor(url: string, receivedBytes: number, reason: string, cause?: unknown) {
    super('FEED.PAGE_INTERRUPTED', `feed page transfer interrupted after ${receivedBytes} bytes: ${reason}`, {
      retriable: true,
      cause,
      details: { url, receivedBytes, reason },
    });
  }

  static fromTransportError(url: string, receivedBytes: number, cause: unknown): FeedPageInterruptedError {
    return new FeedPageInterruptedError(url, receivedBytes, describeError(cause).message, cause);
  }
}

/**
 * Following `prev-archive` led back to a page already seen (or past the walk's page bound): the
 * server's links are broken. Not retriable by us; someone must look at the feed.
 */
export class FeedArchiveLoopError extends AppError {
  constructor(url: string, reason: string) {
    super('FEED.ARCHIVE_LOOP', `cannot walk the feed archive at ${url}: ${reason}`, {
      retriable: false,
      details: { url, reason },
    });
  }
}
