import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { delayFor } from '@dropship/iqmetrix-client';
import { describeError } from '@dropship/platform';
import { INGESTOR_SETTINGS, type IngestorSettings } from '../config/ingestor-settings';
import { LeaderElection } from '../leadership/leader-election';
import type { LeaderSession } from '../leadership/leader-session';
import { FeedHealth } from './feed-health';
import { FeedPoll } from './feed-poll';
import { IngestMetrics } from './ingest.metrics';

/**
 * The ingestor's main loop: stand by until this replica holds the leader lock, then poll at once
 * and every FEED_POLL_INTERVAL_MS, backing off (with jitter, or as long as a 429 asked) while polls
 * fail. Losing the lock's session stops polling at once; shutdown lets the page in flight finish
 * (for a while) and then abandons it, so the checkpoint never gets ahead of Kafka.
 */
@Injectable()
export class FeedPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FeedPoller.name);
  private readonly stopping = new AbortController();
  private running?: Promise<void>;
  private session?: LeaderSession;

  constructor(
    private readonly election: LeaderElection,
    private readonly poll: FeedPoll,
    private readonly health: FeedHealth,
    private readonly metrics: IngestMetrics,
    @Inject(INGESTOR_SETTINGS) private readonly settings: IngestorSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.metrics.standingBy();
    this.running = this.run().catch((error: unknown) => {
      this.logger.error({ msg: 'feed poller stopped unexpectedly', ...describeError(error) });
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    const finished = await Promise.race([
      (this.running ?? Promise.resolve()).then(() => true),
      sleep(this.settings.shutdownPageGraceMs).then(() => false),
    ]);
    if (!finished) {
      this.logger.warn({ msg: 'page in flight abandoned at shutdown; the checkpoint stays before it', graceMs: this.settings.shutdownPageGraceMs });
      await this.session?.close();
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      const session = await this.election.acquire(this.stopping.signal);
      if (session === undefined) return;
      this.session = session;
      this.metrics.leader.set(1);
      try {
        await this.lead(session);
      } finally {
        this.metrics.standingBy();
        this.session = undefined;
        await session.close();
      }
    }
  }

  private async lead(session: LeaderSession): Promise<void> {
    const signal = AbortSignal.any([this.stopping.signal, session.signal]);
    while (!signal.aborted) {
      const delayMs = await this.pollOnce(session, signal);
      await sleep(delayMs, undefined, { signal }).catch(() => undefined);
    }
    if (session.signal.aborted && !this.stopping.signal.aborted) {
      this.logger.warn({ msg: 'leadership lost; standing by', reason: describeError(session.signal.reason).message });
    }
  }

  /** One poll; resolves with the time to wait before the next. */
  private async pollOnce(session: LeaderSession, signal: AbortSignal): Promise<number> {
    const endTimer = this.metrics.pollDuration.startTimer();
    try {
      await this.poll.run(session, signal);
      if (session.signal.aborted) throw session.signal.reason;
      endTimer({ outcome: 'success' });
      this.health.succeeded();
      await this.poll.pruneWhenDue(session);
      return this.settings.pollIntervalMs;
    } catch (error) {
      endTimer({ outcome: 'failure' });
      if (signal.aborted) return 0;
      const attempt = this.health.consecutiveFailures + 1;
      const delayMs = delayFor(error, attempt, { baseMs: this.settings.backoffBaseMs, maxMs: this.settings.backoffMaxMs });
      this.health.failed(error, delayMs);
      return delayMs;
    }
  }
}
