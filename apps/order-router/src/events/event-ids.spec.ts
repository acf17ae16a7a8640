import { confirmedEventId, nameBasedUuid, receivedEventId, rejectedEventId } from './event-ids';

describe('event ids', () => {
  it('are version 5 UUIDs that depend only on their name', () => {
    // Given the same name twice and another name / When turned into ids
    const id = nameBasedUuid('dropship.order.received/order-1');
    // Then the same name gives the same RFC 4122 version 5 id, another name another id
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameBasedUuid('dropship.order.received/order-1')).toBe(id);
    expect(nameBasedUuid('dropship.order.received/order-2')).not.toBe(id);
  });

  it('give an order one received id, an entry one confirmation id and a record one dead-letter id', () => {
    expect(receivedEventId('order-1')).toBe(receivedEventId('order-1'));
    expect(confirmedEventId('urn:uuid:1')).not.toBe(receivedEventId('urn:uuid:1'));
    expect(rejectedEventId('topic', 1, '10')).not.toBe(rejectedEventId('topic', 1, '11'));
  });
});
