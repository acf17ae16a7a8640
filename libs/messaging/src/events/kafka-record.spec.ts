import { EVENT_TYPES } from '../topics';
import { decodeEvent } from './event-codec';
import { CLOUDEVENTS_CONTENT_TYPE, toKafkaMessage } from './kafka-record';
import { exampleEvent } from './message-examples';
import { isValidTraceparent, traceparentFromHeaders } from './trace-context';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const HOP_TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('toKafkaMessage', () => {
  it('keys the record by the order id and carries the whole event as the value', () => {
    // Given a status command without trace context
    const event = exampleEvent(EVENT_TYPES.statusCommand);

    // When turned into a record
    const record = toKafkaMessage(event);

    // Then key = subject = order id, the value decodes to the event, and the headers say structured mode
    expect(record.key).toBe(event.data.orderId);
    expect(decodeEvent(record.value)).toEqual(event);
    expect(record.headers).toEqual({ 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_type: 'dropship.status.command' });
  });

  it("puts the event's traceparent in the headers unless the hop has its own", () => {
    // Given an event created in a trace
    const event = exampleEvent(EVENT_TYPES.orderCreated);

    // When produced as is, then within another span
    const asIs = toKafkaMessage(event);
    const inHop = toKafkaMessage(event, { traceparent: HOP_TRACEPARENT });

    // Then the header carries the hop's context, while the event keeps the one it was created in
    expect(asIs.headers['traceparent']).toBe(TRACEPARENT);
    expect(inHop.headers['traceparent']).toBe(HOP_TRACEPARENT);
    expect(JSON.parse(inHop.value.toString()).traceparent).toBe(TRACEPARENT);
  });

  it('leaves out an invalid traceparent and keeps its own headers over the caller\'s', () => {
    // Given caller headers that try to replace the protocol headers, and an all-zero trace id
    const headers = { 'content-type': 'text/plain', ce_type: 'x', traceparent: TRACEPARENT, tenant: 'a' };
    const zeroTrace = `00-${'0'.repeat(32)}-b7ad6b7169203331-01`;

    // When the record is built
    const record = toKafkaMessage(exampleEvent(EVENT_TYPES.statusCommand), { headers, traceparent: zeroTrace });

    // Then only the extra header survives beside the protocol ones
    expect(record.headers).toEqual({ tenant: 'a', 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_type: 'dropship.status.command' });
  });

  it('uses an explicit key when given', () => {
    // Given an explicit key / When built / Then it is the record key
    expect(toKafkaMessage(exampleEvent(EVENT_TYPES.statusResult), { key: 'k' }).key).toBe('k');
  });
});

describe('trace context', () => {
  it('reads a valid traceparent header as kafkajs delivers it', () => {
    // Given the header as a Buffer, a string or a repeated header / Then the value is read
    expect(traceparentFromHeaders({ traceparent: Buffer.from(TRACEPARENT) })).toBe(TRACEPARENT);
    expect(traceparentFromHeaders({ traceparent: TRACEPARENT })).toBe(TRACEPARENT);
    expect(traceparentFromHeaders({ traceparent: [Buffer.from(HOP_TRACEPARENT), TRACEPARENT] })).toBe(HOP_TRACEPARENT);
  });

  it('ignores a missing or invalid traceparent, as W3C asks', () => {
    // Given no headers, no traceparent, and invalid ones / Then nothing is read
    expect(traceparentFromHeaders(undefined)).toBeUndefined();
    expect(traceparentFromHeaders({})).toBeUndefined();
    expect(traceparentFromHeaders({ traceparent: 'garbage' })).toBeUndefined();
    expect(isValidTraceparent(`ff-${TRACEPARENT.slice(3)}`)).toBe(false);
    expect(isValidTraceparent(`00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01`)).toBe(false);
    expect(isValidTraceparent(TRACEPARENT.toUpperCase())).toBe(false);
  });
});
