import { EVENT_TYPES, EventType } from './event-types';
import { FixedTopic, TOPICS } from './topic-names';
import { routeTopic } from './route-topic';

/** The three services of the connector; also their CloudEvents source path and consumer group. */
export const SERVICE_NAMES = ['feed-ingestor', 'order-router', 'status-publisher'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceTopicUsage {
  /** Fixed topics the service produces to. */
  readonly writes: readonly FixedTopic[];
  /** Topics the service consumes (with isolation.level=read_committed). */
  readonly reads: readonly FixedTopic[];
  /** True when the service also writes `dropship.orders.<route>.v1` for its configured routes. */
  readonly writesRouteTopics: boolean;
}

/**
 * Who writes and reads what (contract.md "Topics"). Each service creates the topics it writes or
 * reads when they are missing, so this table is also the list of topics to create.
 * The status-publisher reads dropship.orders.v1: `received` tells it which orders and SKUs exist
 * (and triggers the automatic acknowledgement), `status-confirmed` confirms its deliveries and
 * carries the tracking numbers iQmetrix holds.
 */
export const SERVICE_TOPICS: Readonly<Record<ServiceName, ServiceTopicUsage>> = {
  'feed-ingestor': {
    writes: [TOPICS.orderCreated, TOPICS.orderStatusUpdated, TOPICS.ordersDlq],
    reads: [],
    writesRouteTopics: false,
  },
  'order-router': {
    writes: [TOPICS.orders, TOPICS.ordersDlq],
    reads: [TOPICS.orderCreated, TOPICS.orderStatusUpdated],
    writesRouteTopics: true,
  },
  'status-publisher': {
    writes: [TOPICS.statusResults],
    reads: [TOPICS.statusCommands, TOPICS.orders],
    writesRouteTopics: false,
  },
};

/**
 * Every topic `service` writes or reads, without duplicates: the fixed ones, plus one topic per
 * route for the order-router (route names are validated; an invalid one throws).
 */
export function topicsOf(service: ServiceName, routes: readonly string[] = []): string[] {
  const usage = SERVICE_TOPICS[service];
  const routeTopics = usage.writesRouteTopics ? routes.map(routeTopic) : [];
  return [...new Set<string>([...usage.writes, ...usage.reads, ...routeTopics])];
}

/** The event types each fixed topic carries; a route topic carries only `dropship.order.received`. */
export const TOPIC_EVENT_TYPES: Readonly<Record<FixedTopic, readonly EventType[]>> = {
  [TOPICS.orderCreated]: [EVENT_TYPES.orderCreated],
  [TOPICS.orderStatusUpdated]: [EVENT_TYPES.orderStatusUpdated],
  [TOPICS.orders]: [EVENT_TYPES.orderReceived, EVENT_TYPES.orderStatusConfirmed],
  [TOPICS.ordersDlq]: [EVENT_TYPES.orderRejected],
  [TOPICS.statusCommands]: [EVENT_TYPES.statusCommand],
  [TOPICS.statusResults]: [EVENT_TYPES.statusResult],
};

/** The event types a route topic carries. */
export const ROUTE_TOPIC_EVENT_TYPES: readonly EventType[] = [EVENT_TYPES.orderReceived];
