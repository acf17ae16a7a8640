import { AppError } from '@dropship/platform';

export type FeedParseErrorCode =
  | 'FEED.MALFORMED_PAGE'
  | 'FEED.NOT_ATOM_FEED'
  | 'FEED.DTD_FORBIDDEN'
  | 'FEED.PAGE_TOO_LARGE'
  | 'FEED.UNSUPPORTED_ENCODING';

export interface FeedParseErrorLocation {
  /** 1-based line where the reader stopped. */
  line?: number;
  /** Column (characters into the line) where the reader stopped. */
  column?: number;
}

/**
 * A page the reader refuses as a whole: not well-formed, not an Atom feed, carrying a DTD or too big.
 * Not retriable: the same bytes fail the same way (a cut-off download is the HTTP client's to retry).
 */
export class FeedParseError extends AppError {
  readonly line?: number;
  readonly column?: number;

  constructor(code: FeedParseErrorCode, reason: string, location: FeedParseErrorLocation = {}) {
    super(code, FeedParseError.describe(reason, location), {
      retriable: false,
      details: { reason, ...location },
    });
    this.line = location.line;
    this.column = location.column;
  }

  private static describe(reason: string, { line, column }: FeedParseErrorLocation): string {
    return line === undefined ? `Feed page rejected: ${reason}` : `Feed page rejected at line ${line}, column ${column}: ${reason}`;
  }
}
