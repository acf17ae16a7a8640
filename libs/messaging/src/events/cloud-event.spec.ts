import { EVENT_TYPES } from '../topics';
import { createEvent } from './cloud-event';
import { eventSource } from './event-source';
import { exampleEvent } from './message-examples';

const data = exampleEvent(EVENT_TYPES.orderReceived).data;

describe('createEvent', () => {
  it('builds a structured-mode CloudEvent with the injected id and clock', () => {
    // Given a fixed id generator and clock
    const deps = { newId: () => 'id-1', now: () => new Date('2024-05-01T10:00:00.000Z') };

    // When an event is created
    const event = createEvent({ type: EVENT_TYPES.orderReceived, source: eventSource('order-router'), subject: data.orderId, data }, deps);

    // Then every contract attribute is set, and nothing else
    expect(event).toEqual({
      specversion: '1.0',
      id: 'id-1',
      type: 'dropship.order.received',
      source: '/dropship-connector/order-router',
      time: '2024-05-01T10:00:00.000Z',
      subject: data.orderId,
      datacontenttype: 'application/json',
      data,
    });
  });

  it('defaults to a random UUID and the current time', () => {
    // Given no injected dependencies / When two events are created
    const first = createEvent({ type: EVENT_TYPES.orderReceived, source: '/x', subject: 's', data });
    const second = createEvent({ type: EVENT_TYPES.orderReceived, source: '/x', subject: 's', data });

    // Then ids are distinct UUIDs and the time is an ISO timestamp
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.id).not.toBe(second.id);
    expect(new Date(first.time).toISOString()).toBe(first.time);
  });

  it('keeps a given id, time and trace context, such as an Atom entry id and its published time', () => {
    // Given the entry id, a time as text and a traceparent
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const input = { id: 'urn:uuid:9e5a279b-9583-4d51-b3fa-00d0d146986a', time: '2015-10-23T21:37:31Z', traceparent, tracestate: 'v=1' };

    // When the event is created
    const event = createEvent({ type: EVENT_TYPES.orderReceived, source: '/x', subject: 's', data, ...input });

    // Then they are used as given
    expect(event).toMatchObject(input);
  });
});

describe('eventSource', () => {
  it('names the service as a URI reference under /dropship-connector', () => {
    // Given each service / Then its source is stable and replica-independent
    expect(eventSource('feed-ingestor')).toBe('/dropship-connector/feed-ingestor');
    expect(eventSource('status-publisher')).toBe('/dropship-connector/status-publisher');
  });
});
