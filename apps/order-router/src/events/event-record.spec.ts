import { EVENT_TYPES, exampleEvent, toKafkaMessage } from '@dropship/messaging';
import { eventRecord } from './event-record';

describe('eventRecord', () => {
  it.each([EVENT_TYPES.orderReceived, EVENT_TYPES.orderStatusConfirmed])(
    'gives the record toKafkaMessage gives for a %s event',
    (type) => {
      // Given the contract's example, with and without a trace context
      const traced = exampleEvent(type);
      traced.traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      const untraced = exampleEvent(type);
      delete untraced.traceparent;
      // When encoded both ways / Then the records are the same (the value as text here)
      for (const event of [traced, untraced]) {
        const expected = toKafkaMessage(event);
        expect(eventRecord(event)).toEqual({ ...expected, value: expected.value.toString('utf8') });
      }
    },
  );
});
