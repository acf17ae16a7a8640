import { AppError } from '@dropship/platform';
import { EVENT_TYPES, TOPIC_EVENT_TYPES, TOPICS } from '../topics';
import { ALL_EVENT_TYPES } from '../topics';
import { assertValidEvent, decodeEvent, encodeEvent } from './event-codec';
import { exampleEvent } from './message-examples';
import { MessageDecodeError } from './message.errors';

function decodeError(value: Buffer | string | null, accept?: readonly string[]): MessageDecodeError {
  try {
    decodeEvent(value, accept ? { accept: accept as never } : {});
  } catch (error) {
    if (error instanceof MessageDecodeError) return error;
    throw error;
  }
  throw new Error('expected a MessageDecodeError');
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('encodeEvent and decodeEvent', () => {
  it.each(ALL_EVENT_TYPES)('round-trip a %s event unchanged', (type) => {
    // Given a realistic event / When encoded and decoded
    const event = exampleEvent(type);
    const decoded = decodeEvent(encodeEvent(event));

    // Then the same event comes back
    expect(decoded).toEqual(event);
  });

  it('narrow the decoded event by type', () => {
    // Given a received order on the orders topic
    const decoded = decodeEvent(encodeEvent(exampleEvent(EVENT_TYPES.orderReceived)), { accept: TOPIC_EVENT_TYPES[TOPICS.orders] });

    // When its type is checked / Then its data is typed for that type
    const shipToStore = decoded.type === EVENT_TYPES.orderReceived ? decoded.data.shipToStore : undefined;
    expect(shipToStore).toBe(true);
  });

  it('refuse to encode an event that breaks the contract', () => {
    // Given a status result without its required reason
    const event = exampleEvent(EVENT_TYPES.statusResult);
    event.data = { ...event.data, outcome: 'rejected', iqmetrix: undefined };

    // When encoded / Then the writer learns at once, with the path
    expect(() => encodeEvent(event)).toThrow(new MessageDecodeError('MESSAGE.SCHEMA_VIOLATION', '/data/reason is required'));
  });
});

describe('decodeEvent errors', () => {
  it('reports a value that is not JSON without quoting it', () => {
    // Given a record value that is XML with personal data
    const error = decodeError('<order><attention-to>Bob Eh</attention-to></order>');

    // Then it is NOT_JSON, non-retriable, and the message does not quote the value
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'MESSAGE.NOT_JSON', retriable: false, parsed: undefined });
    expect(error.message).toBe('message is not JSON: the value (50 characters) is not valid JSON');
    expect(error.message).not.toContain('Bob');
  });

  it('reports a record without a value as not JSON', () => {
    // Given a tombstone / Then it is NOT_JSON
    expect(decodeError(null)).toMatchObject({ code: 'MESSAGE.NOT_JSON', reason: 'the record has no value' });
  });

  it.each([
    ['missing specversion', { specversion: undefined }, '/specversion is required'],
    ['another specversion', { specversion: '0.3' }, '/specversion must be "1.0"'],
    ['no subject', { subject: undefined }, '/subject is required'],
    ['a time without offset', { time: '2015-10-23 21:37:31' }, '/time must match format "date-time"'],
    ['a binary data attribute', { data_base64: 'AAAA' }, '/data_base64 is not a valid name'],
    ['another data content type', { datacontenttype: 'application/xml' }, '/datacontenttype must be "application/json"'],
    ['a malformed traceparent', { traceparent: 'abc' }, '/traceparent must match pattern'],
  ])('reports an envelope with %s as not a CloudEvent', (_case, change, reason) => {
    // Given an otherwise valid event with one envelope defect
    const error = decodeError(json({ ...exampleEvent(EVENT_TYPES.orderCreated), ...change }));

    // Then it is NOT_CLOUDEVENT and the reason names the attribute
    expect(error.code).toBe('MESSAGE.NOT_CLOUDEVENT');
    expect(error.reason).toContain(reason);
  });

  it('reports JSON that is not an object as not a CloudEvent', () => {
    // Given a JSON array / Then it is NOT_CLOUDEVENT at the root
    expect(decodeError('[1,2]')).toMatchObject({ code: 'MESSAGE.NOT_CLOUDEVENT', reason: '/ must be object' });
  });

  it('reports a type outside the contract, keeping the parsed value for the reader', () => {
    // Given a valid envelope of an unknown type
    const event = { ...exampleEvent(EVENT_TYPES.statusCommand), type: 'dropship.status.command.v2' };

    // When decoded
    const error = decodeError(json(event));

    // Then it is UNKNOWN_TYPE, and the parsed event is there (e.g. to answer with its commandId)
    expect(error).toMatchObject({
      code: 'MESSAGE.UNKNOWN_TYPE',
      reason: '/type "dropship.status.command.v2" is not an event type of the contract',
    });
    expect(error.parsed).toEqual(event);
  });

  it('reports a known type that this reader does not accept', () => {
    // Given a status result on the commands topic / When decoded for that topic
    const error = decodeError(json(exampleEvent(EVENT_TYPES.statusResult)), TOPIC_EVENT_TYPES[TOPICS.statusCommands]);

    // Then it is UNKNOWN_TYPE and says what was expected
    expect(error.code).toBe('MESSAGE.UNKNOWN_TYPE');
    expect(error.reason).toBe('/type "dropship.status.result" is not expected here (expected dropship.status.command)');
  });

  it('reports data that breaks its schema with every failing path under /data', () => {
    // Given a command with a lowercase status and a tracking number list as text
    const event = exampleEvent(EVENT_TYPES.statusCommand);
    const data = { ...event.data, status: 'shipped', trackingNumbers: '1Z8' };

    // When decoded
    const error = decodeError(json({ ...event, data }));

    // Then both paths are listed, in the message too, and exposed for logs
    expect(error.code).toBe('MESSAGE.SCHEMA_VIOLATION');
    expect(error.issues.map((issue) => issue.path)).toEqual(['/data/status', '/data/trackingNumbers']);
    expect(error.message).toContain('message data breaks its schema: /data/status must be one of');
    expect(error.details).toEqual({ eventType: 'dropship.status.command', paths: ['/data/status', '/data/trackingNumbers'] });
  });

  it('reports a subject that is not the order id of the data', () => {
    // Given an event whose subject is another order
    const event = { ...exampleEvent(EVENT_TYPES.orderReceived), subject: 'another-order' };

    // When checked / Then it is a schema violation at /subject
    expect(() => assertValidEvent(event)).toThrow(new MessageDecodeError('MESSAGE.SCHEMA_VIOLATION', '/subject must equal /data/orderId'));
  });
});
