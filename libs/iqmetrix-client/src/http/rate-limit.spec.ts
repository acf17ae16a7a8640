import { readRateLimit, retryAfterMs } from './rate-limit';

const NOW = Date.parse('2024-05-01T12:00:00Z');

describe('retryAfterMs', () => {
  it('reads X-RateLimit-Reset given as an epoch time in seconds', () => {
    // Given a reset 30 s from now, as epoch seconds
    const headers = { 'x-ratelimit-reset': String(NOW / 1000 + 30) };

    // When the wait is read / Then it is 30 s
    expect(retryAfterMs(headers, NOW)).toBe(30_000);
  });

  it('reads X-RateLimit-Reset given as a UTC date', () => {
    // Given a reset 45 s from now, as a date
    const headers = { 'x-ratelimit-reset': new Date(NOW + 45_000).toISOString() };

    // When the wait is read / Then it is 45 s
    expect(retryAfterMs(headers, NOW)).toBe(45_000);
  });

  it('prefers X-RateLimit-ResetSeconds over X-RateLimit-Reset', () => {
    // Given both headers
    const headers = { 'x-ratelimit-resetseconds': '5', 'x-ratelimit-reset': String(NOW / 1000 + 30) };

    // When the wait is read / Then the seconds header wins
    expect(retryAfterMs(headers, NOW)).toBe(5_000);
  });

  it('never returns a negative wait for a date in the past', () => {
    // Given a Retry-After date already past
    const headers = { 'retry-after': new Date(NOW - 10_000).toUTCString() };

    // When the wait is read / Then it is zero
    expect(retryAfterMs(headers, NOW)).toBe(0);
  });

  it('is undefined when no header says, or the value is unreadable', () => {
    // Given no usable header / When the wait is read / Then it is unknown
    expect(retryAfterMs({}, NOW)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'soon' }, NOW)).toBeUndefined();
  });
});

describe('readRateLimit', () => {
  it('is undefined when the response carries no rate-limit header', () => {
    // Given headers without X-RateLimit-* / When read / Then there is no snapshot
    expect(readRateLimit({ 'content-type': 'text/plain' }, NOW)).toBeUndefined();
  });

  it('records the time the values were seen', () => {
    // Given a response with X-RateLimit-Remaining / When read / Then the snapshot is stamped
    expect(readRateLimit({ 'x-ratelimit-remaining': '3' }, NOW)).toEqual({
      limit: undefined,
      remaining: 3,
      resetSeconds: undefined,
      observedAt: NOW,
    });
  });
});
