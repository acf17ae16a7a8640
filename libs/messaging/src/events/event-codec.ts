import { EventType, isEventType } from '../topics';
import { validateEnvelope, validateEventData } from '../schemas';
import { EventOf, KnownEvent } from './cloud-event';
import { MessageDecodeError } from './message.errors';

export interface EventCheckOptions<K extends EventType> {
  /** The types this reader handles (e.g. TOPIC_EVENT_TYPES[topic]); any other is UNKNOWN_TYPE. */
  accept?: readonly K[];
}

const MAX_QUOTED_TYPE_LENGTH = 100;

/**
 * Checks a parsed event against the contract: the envelope, a known (and accepted) type, `data`
 * against its type's schema, and `subject` equal to `data.orderId` when data carries an order id
 * (the record key, the subject and the order id are one value). Throws MessageDecodeError.
 */
export function assertValidEvent<K extends EventType = EventType>(
  event: unknown,
  options: EventCheckOptions<K> = {},
): asserts event is EventOf<K> {
  const envelope = validateEnvelope(event);
  if (!envelope.valid) {
    throw new MessageDecodeError('MESSAGE.NOT_CLOUDEVENT', envelope.reason, { issues: envelope.issues, parsed: event });
  }
  const type = assertAcceptedType(envelope.value['type'], options.accept, event);
  const data = envelope.value['data'];
  const checked = validateEventData(type, data, '/data');
  if (!checked.valid) {
    throw new MessageDecodeError('MESSAGE.SCHEMA_VIOLATION', checked.reason, {
      issues: checked.issues,
      eventType: type,
      parsed: event,
    });
  }
  assertSubjectIsOrderId(envelope.value['subject'], data, type, event);
}

/** The record value of `event`: its JSON, after checking what goes on the wire against the contract. */
export function encodeEvent(event: KnownEvent): Buffer {
  const text = JSON.stringify(event);
  assertValidEvent(JSON.parse(text));
  return Buffer.from(text, 'utf8');
}

/**
 * Reads a record value as an event of the contract. Throws MessageDecodeError with code
 * MESSAGE.NOT_JSON, NOT_CLOUDEVENT, UNKNOWN_TYPE or SCHEMA_VIOLATION; `reason` lists the paths.
 */
export function decodeEvent<K extends EventType = EventType>(
  value: Buffer | string | null | undefined,
  options: EventCheckOptions<K> = {},
): EventOf<K> {
  const parsed = parseJson(value);
  assertValidEvent(parsed, options);
  return parsed;
}

function parseJson(value: Buffer | string | null | undefined): unknown {
  if (value === null || value === undefined) {
    throw new MessageDecodeError('MESSAGE.NOT_JSON', 'the record has no value');
  }
  const text = typeof value === 'string' ? value : value.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    // The parser's own message quotes the input, which may hold personal data: say where instead.
    throw new MessageDecodeError('MESSAGE.NOT_JSON', `the value (${text.length} characters) is not valid JSON`);
  }
}

function assertAcceptedType<K extends EventType>(
  type: unknown,
  accept: readonly K[] | undefined,
  event: unknown,
): K {
  const quoted = JSON.stringify(String(type).slice(0, MAX_QUOTED_TYPE_LENGTH));
  if (!isEventType(type)) {
    throw new MessageDecodeError('MESSAGE.UNKNOWN_TYPE', `/type ${quoted} is not an event type of the contract`, {
      parsed: event,
    });
  }
  if (accept !== undefined && !(accept as readonly EventType[]).includes(type)) {
    const expected = accept.join(', ');
    throw new MessageDecodeError('MESSAGE.UNKNOWN_TYPE', `/type ${quoted} is not expected here (expected ${expected})`, {
      eventType: type,
      parsed: event,
    });
  }
  return type as K;
}

function assertSubjectIsOrderId(subject: unknown, data: unknown, type: EventType, event: unknown): void {
  const orderId = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['orderId'] : undefined;
  if (typeof orderId !== 'string' || subject === orderId) return;
  const issues = [{ path: '/subject', message: 'must equal /data/orderId' }];
  throw new MessageDecodeError('MESSAGE.SCHEMA_VIOLATION', '/subject must equal /data/orderId', {
    issues,
    eventType: type,
    parsed: event,
  });
}
