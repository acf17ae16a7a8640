import { AppError } from '@dropship/platform';
import { decodeEvent, toKafkaMessage } from '../events';
import { TOPIC_EVENT_TYPES, TOPICS } from '../topics';
import { buildRejectedEvent, RejectionInput, rejectionOf, UNKNOWN_SUBJECT } from './rejected-event';

const deps = { newId: () => 'dlq-1', now: () => new Date('2024-05-01T10:00:00.000Z') };
const ORDER_ID = '32cb2b46-fb26-48c8-9b8f-67ed759e2599';
const ENTRY_ID = 'urn:uuid:2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f';

function input(change: Partial<RejectionInput> = {}): RejectionInput {
  return {
    reason: '/data/items/0/quantity must be integer',
    errorCode: 'MESSAGE.SCHEMA_VIOLATION',
    original: '{"specversion":"1.0"}',
    source: { topic: TOPICS.orderCreated, partition: 3, offset: '42', key: ORDER_ID },
    service: 'order-router',
    orderId: ORDER_ID,
    ...change,
  };
}

describe('buildRejectedEvent', () => {
  it('builds a dead letter keyed by the order id that meets the contract', () => {
    // Given a record the router could not process / When its dead letter is built and produced
    const event = buildRejectedEvent(input(), deps);
    const record = toKafkaMessage(event);

    // Then the event carries the reason, the origin and the original, keyed by the order id
    expect(event).toEqual({
      specversion: '1.0',
      id: 'dlq-1',
      type: 'dropship.order.rejected',
      source: '/dropship-connector/order-router',
      time: '2024-05-01T10:00:00.000Z',
      subject: ORDER_ID,
      datacontenttype: 'application/json',
      data: {
        reason: '/data/items/0/quantity must be integer',
        errorCode: 'MESSAGE.SCHEMA_VIOLATION',
        service: 'order-router',
        rejectedAt: '2024-05-01T10:00:00.000Z',
        orderId: ORDER_ID,
        source: { topic: TOPICS.orderCreated, partition: 3, offset: '42', key: ORDER_ID },
        original: '{"specversion":"1.0"}',
        originalEncoding: 'utf-8',
      },
    });
    expect(record.key).toBe(ORDER_ID);
    expect(decodeEvent(record.value, { accept: TOPIC_EVENT_TYPES[TOPICS.ordersDlq] })).toEqual(event);
  });

  it.each([
    ['the source record key', { orderId: null }, ORDER_ID],
    ['the entry id', { orderId: undefined, source: { entryId: ENTRY_ID } }, ENTRY_ID],
    ['the entry id when the key is blank', { orderId: '', source: { key: ' ', entryId: ENTRY_ID } }, ENTRY_ID],
    ['"unknown"', { orderId: null, source: { topic: TOPICS.statusCommands, key: null } }, UNKNOWN_SUBJECT],
  ])('falls back to %s as subject when the order id is unknown', (_case, change, subject) => {
    // Given input whose order id could not be read / When its dead letter is built
    const event = buildRejectedEvent(input(change), deps);

    // Then the subject (and record key) is the next stable key, and orderId says unknown
    expect(event.subject).toBe(subject);
    expect(event.data.orderId).toBeNull();
    expect(toKafkaMessage(event).key).toBe(subject);
  });

  it('keeps raw feed XML as text and bytes that are not UTF-8 as base64', () => {
    // Given an XML entry as bytes, and bytes that are not UTF-8
    const xml = '\uFEFF<entry><id>urn:uuid:1</id><title>Café</title></entry>';
    const binary = Buffer.from([0xc3, 0x28, 0xff, 0x00]);

    // When their dead letters are built
    const fromXml = buildRejectedEvent(input({ original: Buffer.from(xml, 'utf8'), service: 'feed-ingestor' }), deps);
    const fromBinary = buildRejectedEvent(input({ original: binary }), deps);

    // Then the XML is kept exactly (its byte-order mark too) and the bytes survive via base64
    expect(fromXml.data).toMatchObject({ original: xml, originalEncoding: 'utf-8' });
    expect(fromBinary.data.originalEncoding).toBe('base64');
    expect(Buffer.from(fromBinary.data.original, 'base64')).toEqual(binary);
    expect(() => toKafkaMessage(fromBinary)).not.toThrow();
  });

  it('records a missing value as empty text and a blank reason as the code', () => {
    // Given a tombstone record and no reason / When its dead letter is built
    const event = buildRejectedEvent(input({ original: null, reason: ' ', errorCode: 'MESSAGE.NOT_JSON' }), deps);

    // Then it still meets the contract
    expect(event.data).toMatchObject({ original: '', originalEncoding: 'utf-8', reason: 'MESSAGE.NOT_JSON' });
    expect(() => toKafkaMessage(event)).not.toThrow();
  });
});

describe('rejectionOf', () => {
  it("takes an AppError's code and message, and an Error's name and message", () => {
    // Given a typed error and a plain one / When described / Then the stable code is kept
    expect(rejectionOf(new AppError('FEED.UNPARSABLE_ENTRY', 'quantity is not an integer'))).toEqual({
      errorCode: 'FEED.UNPARSABLE_ENTRY',
      reason: 'quantity is not an integer',
    });
    expect(rejectionOf(new TypeError('x is undefined'))).toEqual({ errorCode: 'TypeError', reason: 'x is undefined' });
  });
});
