export interface WaitForOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Said in the timeout error, so a failing test tells what it was waiting for. */
  description?: string;
}

/** Raised when a condition did not hold in time; carries the last value or error seen. */
export class WaitTimeoutError extends Error {
  constructor(description: string, timeoutMs: number, lastSeen: unknown) {
    super(`timed out after ${timeoutMs} ms waiting for ${description}; last seen: ${describe(lastSeen)}`);
  }
}

/**
 * Polls `condition` until it returns a truthy value (returned) or the time is up. Tests wait on
 * conditions, never on fixed sleeps; the interval only bounds how often the condition is asked.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitForOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 20_000, intervalMs = 50, description = 'a condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastSeen: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      lastSeen = value;
    } catch (error) {
      lastSeen = error;
    }
    if (Date.now() >= deadline) throw new WaitTimeoutError(description, timeoutMs, lastSeen);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value);
  } catch {
    return String(value);
  }
}
