import { AppError } from '@dropship/platform';

/**
 * A route name: lowercase ASCII letters and digits in hyphen-separated words, 1 to 64 characters
 * (`ship-to-store`, `west2`). No dots or underscores, so a route can never create a topic that
 * looks like another level of the naming scheme, and the name reads the same in logs, metrics and
 * topic listings.
 */
const ROUTE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ROUTE_NAME_LENGTH = 64;

/** `dropship.orders.dlq.v1` is the dead-letter topic: a route of that name would write into it. */
const RESERVED_ROUTE_NAMES: readonly string[] = ['dlq'];

/** A routing rule names a route that cannot become a topic name. */
export class InvalidRouteNameError extends AppError {
  constructor(
    readonly route: string,
    reason: string,
  ) {
    super('TOPIC.INVALID_ROUTE', `route name ${JSON.stringify(route)} ${reason}`, { details: { route } });
  }
}

/** Why `route` cannot be a route name, or undefined when it can. */
export function routeNameProblem(route: string): string | undefined {
  if (route.length === 0) return 'is empty';
  if (route.length > MAX_ROUTE_NAME_LENGTH) return `is longer than ${MAX_ROUTE_NAME_LENGTH} characters`;
  if (!ROUTE_NAME.test(route)) {
    return 'must be lowercase letters and digits, in words separated by single hyphens';
  }
  if (RESERVED_ROUTE_NAMES.includes(route)) return 'is reserved (it would be the dead-letter topic)';
  return undefined;
}

/** True when `route` may name a route topic. */
export function isValidRouteName(route: string): boolean {
  return routeNameProblem(route) === undefined;
}

/**
 * The topic that receives a copy of `dropship.order.received` for a route:
 * `dropship.orders.<route>.v1`. Throws InvalidRouteNameError for a name that is not allowed.
 */
export function routeTopic(route: string): string {
  const problem = routeNameProblem(route);
  if (problem !== undefined) throw new InvalidRouteNameError(route, problem);
  return `dropship.orders.${route}.v1`;
}
