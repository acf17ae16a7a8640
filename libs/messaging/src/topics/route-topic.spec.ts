import { AppError } from '@dropship/platform';
import { InvalidRouteNameError, isValidRouteName, routeNameProblem, routeTopic } from './route-topic';

describe('routeTopic', () => {
  it.each(['west', 'ship-to-store', 'store2', '3pl', 'a'])('builds dropship.orders.<route>.v1 for the valid name %s', (route) => {
    // Given a valid route name / When its topic is built
    const topic = routeTopic(route);

    // Then it follows the contract's pattern
    expect(topic).toBe(`dropship.orders.${route}.v1`);
  });

  it.each([
    ['', 'is empty'],
    ['West', 'lowercase'],
    ['ship_to_store', 'lowercase'],
    ['ship.to.store', 'lowercase'],
    ['-west', 'lowercase'],
    ['west-', 'lowercase'],
    ['ship--store', 'lowercase'],
    ['west coast', 'lowercase'],
    ['x'.repeat(65), 'longer than 64'],
    ['dlq', 'reserved'],
  ])('refuses the route name %j with a reason', (route, reasonPart) => {
    // Given an invalid route name / When its topic is asked for / Then a typed error says why
    expect(() => routeTopic(route)).toThrow(InvalidRouteNameError);
    expect(routeNameProblem(route)).toContain(reasonPart);
    expect(isValidRouteName(route)).toBe(false);
  });

  it('throws a non-retriable AppError with a stable code naming the route', () => {
    // Given the reserved name dlq, which would write into the dead-letter topic
    // When its topic is asked for
    const error = captureError(() => routeTopic('dlq'));

    // Then the error is typed, stable and names the route
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'TOPIC.INVALID_ROUTE', retriable: false, route: 'dlq' });
    expect((error as Error).message).toContain('"dlq"');
  });

  it('accepts a name of exactly 64 characters', () => {
    // Given the longest allowed name / When checked / Then it is valid
    expect(isValidRouteName('a'.repeat(64))).toBe(true);
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
