import { retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it('doubles from half a second up to ten seconds, with jitter of a quarter either way', () => {
    // Given no jitter (random 0.5) / When the attempts grow / Then the delay doubles up to the cap
    expect([1, 2, 3, 4, 5, 6, 10].map((attempt) => retryDelayMs(attempt, () => 0.5))).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
    // And jitter stays within 75%..125%
    expect(retryDelayMs(1, () => 0)).toBe(375);
    expect(retryDelayMs(1, () => 1)).toBe(625);
  });
});
