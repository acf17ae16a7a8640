// The recent claims' window (see CLAIM_RECENT_SQL): long enough for a command's transaction to
// commit after its row's key was taken (rows that take longer wait for the periodic full claim),
// short enough to skip most dead index entries. It widens while the relay is behind.
export const RECENT_WINDOW_MS = 1_000;
export const MAX_RECENT_WINDOW_MS = 60_000;

/**
 * The next recent claim's window: doubled when the heads just claimed had waited over half of it
 * (older ones may be falling out of it while this replica is behind, and must not wait for the
 * periodic claim while newer heads overtake them), back towards the default once they wait little.
 */
export function nextWindowMs(windowMs: number, longestDueMs: number): number {
  if (longestDueMs > windowMs / 2) return Math.min(MAX_RECENT_WINDOW_MS, windowMs * 2);
  if (longestDueMs < windowMs / 8) return Math.max(RECENT_WINDOW_MS, windowMs / 2);
  return windowMs;
}
