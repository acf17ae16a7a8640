import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppError, describeError, HealthRegistry } from '@dropship/platform';
import { INGESTOR_SETTINGS, type IngestorSettings } from '../config/ingestor-settings';
import { IngestMetrics } from './ingest.metrics';

/** Readiness is false while polls keep failing; the message names the last error. */
export class FeedUnhealthyError extends AppError {
  constructor(failures: number, last: { code: string; message: string }) {
    super('FEED.POLLING_FAILING', `${failures} feed polls failed in a row; last: ${last.code}: ${last.message}`, {
      retriable: true,
      details: { failures, lastCode: last.code },
    });
  }
}

/**
 * Counts consecutive failed polls. After `failuresBeforeUnready` of them the `feed` readiness check
 * fails (a sustained outage, not one bad page), and it passes again with the first success. The
 * last error stays visible in logs and metrics either way.
 */
@Injectable()
export class FeedHealth implements OnModuleInit {
  private readonly logger = new Logger(FeedHealth.name);
  private failures = 0;
  private last?: { code: string; message: string };

  constructor(
    private readonly health: HealthRegistry,
    private readonly metrics: IngestMetrics,
    @Inject(INGESTOR_SETTINGS) private readonly settings: IngestorSettings,
  ) {}

  onModuleInit(): void {
    this.health.register('feed', async () => {
      if (this.last !== undefined && this.failures >= this.settings.failuresBeforeUnready) {
        throw new FeedUnhealthyError(this.failures, this.last);
      }
    });
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  succeeded(): void {
    if (this.failures >= this.settings.failuresBeforeUnready) {
      this.logger.log({ msg: 'feed polling recovered', failedPolls: this.failures });
    }
    this.failures = 0;
    this.metrics.consecutiveFailures.set(0);
  }

  /** Records a failed poll and returns how many failed in a row. */
  failed(error: unknown, retryInMs: number): number {
    this.failures += 1;
    this.last = describeError(error);
    this.metrics.consecutiveFailures.set(this.failures);
    this.metrics.failed(this.last.code);
    const line = { msg: 'feed poll failed', code: this.last.code, reason: this.last.message, failures: this.failures, retryInMs };
    // One failure is a hiccup (warn); a sustained outage needs someone (error).
    if (this.failures >= this.settings.failuresBeforeUnready) this.logger.error(line);
    else this.logger.warn(line);
    return this.failures;
  }
}
