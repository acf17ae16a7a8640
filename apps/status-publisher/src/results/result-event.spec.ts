import { decodeEvent, EVENT_TYPES } from '@dropship/messaging';
import { resultRecord } from './result-event';

describe('resultRecord', () => {
  it('publishes a stored result as a contract CloudEvent with its fixed id and the command trace', () => {
    // Given a stored delivered result with its event id and the command's traceparent
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const record = resultRecord({
      id: '7',
      eventId: '5f0c6f5e-2b7c-4a43-9f0e-2f3c1d7b8a90',
      orderId: 'order-1',
      data: { commandId: 'c-1', orderId: 'order-1', outcome: 'delivered', iqmetrix: { status: 202, body: { Id: 'order-1' } } },
      traceparent,
      createdAt: new Date('2026-01-02T03:04:05.678Z'),
    });
    // When read back as a subscriber would
    const event = decodeEvent(record.value, { accept: [EVENT_TYPES.statusResult] });
    // Then it is keyed by the order, carries the stored id and time, and the trace header
    expect(record.key).toBe('order-1');
    expect(record.headers['traceparent']).toBe(traceparent);
    expect(event).toMatchObject({ id: '5f0c6f5e-2b7c-4a43-9f0e-2f3c1d7b8a90', source: '/dropship-connector/status-publisher', time: '2026-01-02T03:04:05.678Z', subject: 'order-1' });
    expect(event.data).toEqual({ commandId: 'c-1', orderId: 'order-1', outcome: 'delivered', iqmetrix: { status: 202, body: { Id: 'order-1' } } });
  });
});
