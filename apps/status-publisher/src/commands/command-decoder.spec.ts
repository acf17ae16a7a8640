import { EVENT_TYPES, exampleEvent } from '@dropship/messaging';
import { decodeCommand } from './command-decoder';

const STATUS_COMMAND_EXAMPLE = exampleEvent(EVENT_TYPES.statusCommand);
const ORDER_ID = STATUS_COMMAND_EXAMPLE.data.orderId;
const COMMAND_ID = STATUS_COMMAND_EXAMPLE.data.commandId;

function record(value: unknown): Buffer {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
}

const KEY = Buffer.from(ORDER_ID);

describe('decodeCommand', () => {
  it('reads the contract example as a command', () => {
    // Given the contract's example command / When decoded / Then its data comes back as is
    expect(decodeCommand(record(STATUS_COMMAND_EXAMPLE), KEY)).toEqual({ kind: 'command', command: STATUS_COMMAND_EXAMPLE.data });
  });

  it('keeps the event’s own traceparent, and ignores an invalid one', () => {
    // Given commands carrying the CloudEvents tracing extension, one valid and one not
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const traced = decodeCommand(record({ ...STATUS_COMMAND_EXAMPLE, traceparent }), KEY);
    const broken = decodeCommand(record({ ...STATUS_COMMAND_EXAMPLE, traceparent: '00-0000-bad' }), KEY);
    // Then the valid one travels with the command, the invalid one is dropped (W3C: start anew)
    expect(traced).toEqual({ kind: 'command', command: STATUS_COMMAND_EXAMPLE.data, traceparent });
    expect(broken).toEqual({ kind: 'command', command: STATUS_COMMAND_EXAMPLE.data });
  });

  it('accepts a command without the attributes CloudEvents makes optional', () => {
    // Given a command without time, subject and datacontenttype
    const { time: _time, subject: _subject, datacontenttype: _type, ...minimal } = STATUS_COMMAND_EXAMPLE;
    // When decoded / Then it is a command
    expect(decodeCommand(record(minimal), KEY).kind).toBe('command');
  });

  it('answers a status outside the enum as invalid, naming the path', () => {
    // Given a command with the status "Exception"
    const event = { ...STATUS_COMMAND_EXAMPLE, data: { commandId: 'c-1', orderId: ORDER_ID, status: 'Exception' } };
    // When decoded
    const decoded = decodeCommand(record(event), KEY);
    // Then it is invalid with the ids and a reason that names /data/status
    expect(decoded).toMatchObject({ kind: 'invalid', commandId: 'c-1', orderId: ORDER_ID });
    expect(decoded.kind === 'invalid' && decoded.reason).toContain('/data/status');
  });

  it('refuses an unknown field instead of ignoring it', () => {
    // Given a misspelt trackingNumber field
    const event = { ...STATUS_COMMAND_EXAMPLE, data: { commandId: 'c-2', orderId: ORDER_ID, status: 'Shipped', trackingNumber: 'T1' } };
    // When decoded / Then it is invalid
    const decoded = decodeCommand(record(event), KEY);
    expect(decoded.kind === 'invalid' && decoded.reason).toMatch(/^schema violation: /);
  });

  it('reads the ids out of a value that is not JSON, so the sender still gets an answer', () => {
    // Given a truncated JSON text
    const text = `{"specversion":"1.0","data":{"commandId":"${COMMAND_ID}","orderId":"${ORDER_ID}","status":"Ship`;
    // When decoded
    const decoded = decodeCommand(record(text), KEY);
    // Then it is invalid as malformed JSON, with the command id from the text and the order id from the key
    expect(decoded).toEqual({
      kind: 'invalid',
      commandId: COMMAND_ID,
      orderId: ORDER_ID,
      reason: `malformed JSON: the value (${text.length} characters) is not valid JSON`,
    });
  });

  it('says unreadable when no command id can be found', () => {
    // Given bytes without any command id / When decoded / Then nobody can be answered
    expect(decodeCommand(record('not json at all'), KEY)).toEqual({
      kind: 'unreadable',
      reason: 'malformed JSON: the value (15 characters) is not valid JSON',
    });
    expect(decodeCommand(null, KEY).kind).toBe('unreadable');
  });

  it('answers a bare command without an envelope as not a CloudEvent', () => {
    // Given only the data, sent without the CloudEvents envelope
    const decoded = decodeCommand(record(STATUS_COMMAND_EXAMPLE.data), KEY);
    // Then the ids are read and the reason lists the missing attributes
    expect(decoded).toMatchObject({ kind: 'invalid', commandId: COMMAND_ID, orderId: ORDER_ID });
    expect(decoded.kind === 'invalid' && decoded.reason).toContain('/specversion must be "1.0"');
  });

  it('refuses a subject that is not the order id', () => {
    // Given a command whose subject names another order
    const event = { ...STATUS_COMMAND_EXAMPLE, subject: 'another-order' };
    // When decoded / Then it is invalid
    const decoded = decodeCommand(record(event), KEY);
    expect(decoded.kind === 'invalid' && decoded.reason).toBe('schema violation: /subject must equal /data/orderId');
  });

  it('refuses an event of another type', () => {
    // Given a result event sent to the command topic
    const event = { ...STATUS_COMMAND_EXAMPLE, type: 'dropship.status.result' };
    // When decoded / Then it is invalid, naming the expected type
    const decoded = decodeCommand(record(event), KEY);
    expect(decoded.kind === 'invalid' && decoded.reason).toContain('/type must be "dropship.status.command"');
  });
});
