import { ServiceName } from '../topics';

/** The path every source of the connector starts with. */
export const EVENT_SOURCE_ROOT = '/dropship-connector';

/**
 * The CloudEvents `source` of a service: the URI reference `/dropship-connector/<service>`. It names
 * the service, not a replica, so that a feed entry published twice (by two replicas, or after a
 * restart) has the same source and id, which CloudEvents defines as a duplicate.
 */
export function eventSource(service: ServiceName): string {
  return `${EVENT_SOURCE_ROOT}/${service}`;
}
