/** Time source of the sandbox, in epoch milliseconds. Injected so tests can expire tokens without sleeping. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | number = Date.UTC(2024, 0, 15, 12, 0, 0)) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }

  set(time: Date | number): void {
    this.current = typeof time === 'number' ? time : time.getTime();
  }
}

/**
 * Wraps the configured clock with an offset that `POST /_sandbox/clock` moves, so a sandbox
 * running in a container can be fast-forwarded (token expiry, rate-limit windows) from outside.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly base: Clock) {}

  now(): number {
    return this.base.now() + this.offsetMs;
  }

  advance(milliseconds: number): void {
    this.offsetMs += milliseconds;
  }

  setNow(epochMs: number): void {
    this.offsetMs = epochMs - this.base.now();
  }

  resetOffset(): void {
    this.offsetMs = 0;
  }
}

/** Atom timestamps as iQmetrix writes them: UTC, whole seconds (`2015-10-23T21:37:31Z`). */
export function atomTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** .NET round-trip format (`2016-02-25T13:00:00.0000000Z`), used by iQmetrix's X-RateLimit-Reset. */
export function dotNetUtcTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}
