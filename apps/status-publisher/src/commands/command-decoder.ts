import { EVENT_TYPES, isValidTraceparent, StatusCommandData, validateEventData } from '@dropship/messaging';

/** A record of dropship.status-commands.v1, read. */
export type DecodedCommand =
  /** `traceparent`: the event's own (CloudEvents tracing extension), for a sender that sets no header. */
  | { readonly kind: 'command'; readonly command: StatusCommandData; readonly traceparent?: string }
  /** Not a valid command, but its ids are readable: it is answered `rejected` with `reason`. */
  | { readonly kind: 'invalid'; readonly commandId: string; readonly orderId: string; readonly reason: string }
  /** No command id or order id can be read: nobody can be answered, so it is logged. */
  | { readonly kind: 'unreadable'; readonly reason: string };

const MAX_COMMAND_ID_LENGTH = 200;
// Reads a commandId out of text that is not JSON, so that a sender with a broken serializer still
// gets an answer it can match. Only a plain JSON string value is taken.
const COMMAND_ID_IN_TEXT = /"commandId"\s*:\s*"([^"\\]{1,200})"/;
const ORDER_ID_IN_TEXT = /"orderId"\s*:\s*"([^"\\]{1,200})"/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function usableId(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_COMMAND_ID_LENGTH ? value : undefined;
}

/**
 * The problems of a command's envelope. CloudEvents 1.0 requires only specversion, id, source and
 * type, so `time`, `subject` and `datacontenttype` may be missing (the contract asks senders for
 * them, but a command is not refused for an attribute CloudEvents calls optional); present ones must
 * be right. `data` is held to its schema strictly.
 */
function envelopeProblems(event: Json): string[] {
  const problems: string[] = [];
  if (event['specversion'] !== '1.0') problems.push('/specversion must be "1.0"');
  if (usableId(event['id']) === undefined) problems.push('/id must be a non-empty string');
  if (typeof event['source'] !== 'string' || event['source'] === '') problems.push('/source must be a non-empty string');
  if (event['type'] !== EVENT_TYPES.statusCommand) problems.push(`/type must be "${EVENT_TYPES.statusCommand}"`);
  const contentType = event['datacontenttype'];
  if (contentType !== undefined && contentType !== 'application/json') {
    problems.push('/datacontenttype must be "application/json" when present');
  }
  if (!isObject(event['data'])) problems.push('/data must be an object');
  return problems;
}

function invalidOrUnreadable(ids: { commandId?: string; orderId?: string }, reason: string): DecodedCommand {
  if (ids.commandId !== undefined && ids.orderId !== undefined) {
    return { kind: 'invalid', commandId: ids.commandId, orderId: ids.orderId, reason };
  }
  return { kind: 'unreadable', reason };
}

function decodeText(text: string, key: string | undefined): DecodedCommand {
  const commandId = COMMAND_ID_IN_TEXT.exec(text)?.[1];
  const orderId = key ?? ORDER_ID_IN_TEXT.exec(text)?.[1];
  return invalidOrUnreadable({ commandId, orderId }, `malformed JSON: the value (${text.length} characters) is not valid JSON`);
}

function decodeEvent(event: Json, key: string | undefined): DecodedCommand {
  // The ids of a command sent without an envelope are still readable at the top level.
  const data = isObject(event['data']) ? event['data'] : event;
  const ids = { commandId: usableId(data['commandId']), orderId: usableId(data['orderId']) ?? key };
  const problems = envelopeProblems(event);
  if (problems.length > 0) return invalidOrUnreadable(ids, `not a CloudEvents 1.0 status command: ${problems.join('; ')}`);
  const checked = validateEventData(EVENT_TYPES.statusCommand, data, '/data');
  if (!checked.valid) return invalidOrUnreadable(ids, `schema violation: ${checked.reason}`);
  const subject = event['subject'];
  if (subject !== undefined && subject !== checked.value.orderId) {
    return invalidOrUnreadable(ids, 'schema violation: /subject must equal /data/orderId');
  }
  const traceparent = event['traceparent'];
  return isValidTraceparent(traceparent) ? { kind: 'command', command: checked.value, traceparent } : { kind: 'command', command: checked.value };
}

/** Reads one command record (value and key as received); never throws. */
export function decodeCommand(value: Buffer | null, key: Buffer | null): DecodedCommand {
  const keyText = usableId(key?.toString('utf8'));
  if (value === null || value.length === 0) return invalidOrUnreadable({}, 'the record has no value');
  const text = value.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return decodeText(text, keyText);
  }
  if (!isObject(parsed)) return invalidOrUnreadable({}, 'not a CloudEvents 1.0 status command: the value is not a JSON object');
  return decodeEvent(parsed, keyText);
}
