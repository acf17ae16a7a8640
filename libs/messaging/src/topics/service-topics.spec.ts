import { ALL_EVENT_TYPES, EVENT_TYPES } from './event-types';
import { ROUTE_TOPIC_EVENT_TYPES, SERVICE_NAMES, SERVICE_TOPICS, TOPIC_EVENT_TYPES, topicsOf } from './service-topics';
import { FIXED_TOPICS, TOPICS } from './topic-names';

describe('topic names', () => {
  it('are exactly the topics of the public contract', () => {
    // Given the contract's topic table / Then the constants spell every fixed topic exactly
    expect(FIXED_TOPICS).toEqual([
      'iqmetrix.dropship.order-created.v1',
      'iqmetrix.dropship.order-status-updated.v1',
      'dropship.orders.v1',
      'dropship.orders.dlq.v1',
      'dropship.status-commands.v1',
      'dropship.status-results.v1',
    ]);
  });

  it('are exactly the event types of the public contract', () => {
    // Given the contract's event types / Then the constants spell each exactly
    expect(ALL_EVENT_TYPES).toEqual([
      'com.iqmetrix.dropship.order-created',
      'com.iqmetrix.dropship.order-status-updated',
      'dropship.order.received',
      'dropship.order.status-confirmed',
      'dropship.order.rejected',
      'dropship.status.command',
      'dropship.status.result',
    ]);
  });
});

describe('SERVICE_TOPICS', () => {
  it('names the writers the contract names for each topic', () => {
    // Given the table / When the writers of each topic are collected
    const writers = (topic: string) => SERVICE_NAMES.filter((service) => SERVICE_TOPICS[service].writes.includes(topic as never));

    // Then they are the contract's (status commands come from internal services, not the connector)
    expect(writers(TOPICS.orderCreated)).toEqual(['feed-ingestor']);
    expect(writers(TOPICS.orderStatusUpdated)).toEqual(['feed-ingestor']);
    expect(writers(TOPICS.orders)).toEqual(['order-router']);
    expect(writers(TOPICS.ordersDlq)).toEqual(['feed-ingestor', 'order-router']);
    expect(writers(TOPICS.statusCommands)).toEqual([]);
    expect(writers(TOPICS.statusResults)).toEqual(['status-publisher']);
  });

  it('gives every topic that is read a writer or an outside sender', () => {
    // Given every topic some service reads
    const read = SERVICE_NAMES.flatMap((service) => SERVICE_TOPICS[service].reads);
    const written = new Set(SERVICE_NAMES.flatMap((service) => SERVICE_TOPICS[service].writes));

    // Then each is written by a service, except the commands internal services send
    expect(read.filter((topic) => !written.has(topic))).toEqual([TOPICS.statusCommands]);
  });
});

describe('topicsOf', () => {
  it('lists the topics the feed-ingestor must create', () => {
    // Given the ingestor, even with routes configured elsewhere / When its topics are listed
    const topics = topicsOf('feed-ingestor', ['west']);

    // Then they are the three it writes, and no route topic
    expect(topics).toEqual([TOPICS.orderCreated, TOPICS.orderStatusUpdated, TOPICS.ordersDlq]);
  });

  it("adds the order-router's route topics to the topics it reads and writes", () => {
    // Given two routes / When the router's topics are listed
    const topics = topicsOf('order-router', ['west', 'ship-to-store']);

    // Then every topic appears once, route topics included
    expect(topics).toEqual([
      TOPICS.orders,
      TOPICS.ordersDlq,
      TOPICS.orderCreated,
      TOPICS.orderStatusUpdated,
      'dropship.orders.west.v1',
      'dropship.orders.ship-to-store.v1',
    ]);
  });

  it('lists each topic once when a route is repeated', () => {
    // Given the same route twice / When listed / Then its topic appears once
    expect(topicsOf('order-router', ['west', 'west']).filter((topic) => topic.includes('west'))).toHaveLength(1);
  });

  it('refuses an invalid route name instead of creating a strange topic', () => {
    // Given a route named like the dead-letter topic / When listed / Then it throws
    expect(() => topicsOf('order-router', ['dlq'])).toThrow('reserved');
  });

  it('lists the status-publisher topics: commands and orders in, results out', () => {
    // Given the publisher / When listed / Then it reads commands and orders and writes results
    expect(topicsOf('status-publisher')).toEqual([TOPICS.statusResults, TOPICS.statusCommands, TOPICS.orders]);
  });
});

describe('TOPIC_EVENT_TYPES', () => {
  it('puts every event type on at least one topic, received also on route topics', () => {
    // Given the map / When all carried types are collected
    const carried = new Set(Object.values(TOPIC_EVENT_TYPES).flat());

    // Then every type has a topic, and route topics carry only received orders
    expect([...carried].sort()).toEqual([...ALL_EVENT_TYPES].sort());
    expect(ROUTE_TOPIC_EVENT_TYPES).toEqual([EVENT_TYPES.orderReceived]);
    expect(TOPIC_EVENT_TYPES[TOPICS.orders]).toEqual([EVENT_TYPES.orderReceived, EVENT_TYPES.orderStatusConfirmed]);
  });
});
