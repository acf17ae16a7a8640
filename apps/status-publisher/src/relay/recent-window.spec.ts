import { MAX_RECENT_WINDOW_MS, nextWindowMs, RECENT_WINDOW_MS } from './recent-window';

describe('nextWindowMs', () => {
  it('keeps the window while the heads claimed waited a moderate part of it', () => {
    expect(nextWindowMs(RECENT_WINDOW_MS, 300)).toBe(RECENT_WINDOW_MS);
    expect(nextWindowMs(4_000, 1_500)).toBe(4_000);
  });

  it('doubles it when they waited over half of it, up to the limit', () => {
    expect(nextWindowMs(RECENT_WINDOW_MS, 600)).toBe(2 * RECENT_WINDOW_MS);
    expect(nextWindowMs(MAX_RECENT_WINDOW_MS, MAX_RECENT_WINDOW_MS)).toBe(MAX_RECENT_WINDOW_MS);
  });

  it('halves it when they hardly waited, never below the default', () => {
    expect(nextWindowMs(8_000, 100)).toBe(4_000);
    expect(nextWindowMs(RECENT_WINDOW_MS, 0)).toBe(RECENT_WINDOW_MS);
  });
});
