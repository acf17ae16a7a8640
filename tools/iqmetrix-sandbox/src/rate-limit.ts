import { type Clock, dotNetUtcTime } from './support/clock';
import type { RateLimitSettings } from './options';

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * Fixed windows aligned on the clock (iQmetrix's documented resets fall on whole minutes), one
 * counter per service. Every request, answered or refused, counts.
 */
export class RateLimiter {
  private windowStart = -1;
  private used = 0;

  constructor(
    private settings: RateLimitSettings,
    private readonly clock: Clock,
  ) {}

  configure(settings: RateLimitSettings): void {
    this.settings = settings;
    this.windowStart = -1;
    this.used = 0;
  }

  current(): RateLimitSettings {
    return { ...this.settings };
  }

  hit(): RateDecision {
    const now = this.clock.now();
    const windowMs = this.settings.windowSeconds * 1000;
    const start = now - (now % windowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.used = 0;
    }
    this.used += 1;
    const allowed = this.used <= this.settings.limit;
    const resetAt = start + windowMs;
    return {
      allowed,
      headers: {
        'X-RateLimit-Limit': String(this.settings.limit),
        'X-RateLimit-Remaining': String(Math.max(0, this.settings.limit - this.used)),
        'X-RateLimit-Reset': dotNetUtcTime(resetAt),
        'X-RateLimit-ResetSeconds': String(Math.ceil((resetAt - now) / 1000)),
      },
    };
  }
}
