import { backoffDelay, delayFor } from './backoff';
import { IqmetrixRateLimitedError, IqmetrixUnavailableError } from './iqmetrix.errors';

const CALL = { method: 'PUT', host: 'dropship.test', pathTemplate: '/v1/x' };

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt up to the maximum when jitter is off', () => {
    // Given a 100 ms base and a 1 s maximum without jitter
    const options = { baseMs: 100, maxMs: 1_000, jitter: false };

    // When delays for attempts 1 to 6 are computed
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, options));

    // Then they double and stop at the maximum
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('draws a full-jitter delay below the ceiling from the injected random source', () => {
    // Given a random source returning 0.5 and 0.999
    const half = backoffDelay(3, { baseMs: 100, maxMs: 10_000, random: () => 0.5 });
    const top = backoffDelay(3, { baseMs: 100, maxMs: 10_000, random: () => 0.999 });

    // Then the delays scale the 400 ms ceiling
    expect([half, top]).toEqual([200, 399]);
  });

  it('stays finite for a huge attempt number', () => {
    // Given attempt 10 000 / When computed / Then it is the maximum
    expect(backoffDelay(10_000, { baseMs: 1_000, maxMs: 60_000, jitter: false })).toBe(60_000);
  });
});

describe('delayFor', () => {
  it('honours the wait a rate limit asked for', () => {
    // Given a 429 that asked for 42 s
    const error = new IqmetrixRateLimitedError(CALL, 42_000);

    // When the delay is computed / Then it is that wait, whatever the attempt
    expect(delayFor(error, 9, { jitter: false })).toBe(42_000);
  });

  it('backs off for a rate limit that gave no wait and for other errors', () => {
    // Given a silent 429 and an outage
    const options = { baseMs: 100, maxMs: 1_000, jitter: false };

    // When the delays for attempt 2 are computed / Then both use the backoff
    expect(delayFor(new IqmetrixRateLimitedError(CALL, undefined), 2, options)).toBe(200);
    expect(delayFor(new IqmetrixUnavailableError(CALL, 'HTTP 503'), 2, options)).toBe(200);
  });
});
