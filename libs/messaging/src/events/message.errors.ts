import { AppError } from '@dropship/platform';
import { SchemaIssue } from '../schemas';

export type MessageErrorCode =
  | 'MESSAGE.NOT_JSON'
  | 'MESSAGE.NOT_CLOUDEVENT'
  | 'MESSAGE.UNKNOWN_TYPE'
  | 'MESSAGE.SCHEMA_VIOLATION';

const SUMMARIES: Readonly<Record<MessageErrorCode, string>> = {
  'MESSAGE.NOT_JSON': 'message is not JSON',
  'MESSAGE.NOT_CLOUDEVENT': 'message is not a CloudEvents 1.0 event',
  'MESSAGE.UNKNOWN_TYPE': 'message has an event type this reader does not accept',
  'MESSAGE.SCHEMA_VIOLATION': 'message data breaks its schema',
};

export interface MessageErrorOptions {
  issues?: readonly SchemaIssue[];
  eventType?: string;
  /** The parsed JSON, when the value was JSON. */
  parsed?: unknown;
}

/**
 * A message that breaks the contract: thrown on read (decodeEvent) and on write (encodeEvent). Never
 * retriable, since the same bytes fail the same way: the reader sends it to the dead-letter topic
 * (or, for a status command, answers `rejected` with `reason`). `reason` names the failing JSON
 * paths and never quotes values, so it is safe to log and to publish.
 */
export class MessageDecodeError extends AppError {
  declare readonly code: MessageErrorCode;
  readonly reason: string;
  readonly issues: readonly SchemaIssue[];
  /**
   * The parsed value, so that a reader can still answer (e.g. read a command's commandId). Kept
   * out of `details` because it may hold personal data.
   */
  readonly parsed: unknown;

  constructor(code: MessageErrorCode, reason: string, options: MessageErrorOptions = {}) {
    const issues = options.issues ?? [];
    super(code, `${SUMMARIES[code]}: ${reason}`, {
      retriable: false,
      details: { eventType: options.eventType, paths: issues.map((issue) => issue.path) },
    });
    this.reason = reason;
    this.issues = issues;
    this.parsed = options.parsed;
  }
}
