import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { delayFor, FeedWalker, readAhead, type WalkedPage } from '@dropship/iqmetrix-client';
import { describeError, isRetriable } from '@dropship/platform';
import { INGESTOR_SETTINGS, type IngestorSettings } from '../config/ingestor-settings';
import { recordFor, uniqueByKey } from '../publishing/entry-records';
import { FeedPublisher } from '../publishing/feed.publisher';
import { PublishingMetrics } from '../publishing/publishing.metrics';

export interface ReplayProgress {
  /** Where the current walk started: `since`, or after a resumption the newest entry time already sent. */
  from: string;
  pagesRead: number;
  /** Pages of the current walk (a resumed replay walks again from where it got). */
  pagesTotal: number;
  recordsPublished: number;
  deadLetters: number;
  attempts: number;
}

export interface ReplayOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ReplayProgress) => void;
  /** Retriable failures tolerated before giving up. Default 10. */
  maxAttempts?: number;
}

/**
 * Re-publishes every feed entry updated at or after `since` (walking the archive back to it) for a
 * consumer that lost data. It neither reads nor moves the checkpoint and skips no duplicates: the
 * records are the same events (same ids) as the first time, which downstream de-duplication expects.
 * A retriable failure resumes from the newest entry time already sent.
 */
@Injectable()
export class ReplayRunner {
  private readonly logger = new Logger(ReplayRunner.name);

  constructor(
    private readonly walker: FeedWalker,
    private readonly publisher: FeedPublisher,
    private readonly metrics: PublishingMetrics,
    @Inject(INGESTOR_SETTINGS) private readonly settings: IngestorSettings,
  ) {}

  async run(since: Date, options: ReplayOptions = {}): Promise<ReplayProgress> {
    const progress: ReplayProgress = {
      from: since.toISOString(),
      pagesRead: 0,
      pagesTotal: 0,
      recordsPublished: 0,
      deadLetters: 0,
      attempts: 0,
    };
    for (;;) {
      progress.attempts += 1;
      try {
        return await this.walkFrom(progress, options);
      } catch (error) {
        if (options.signal?.aborted || !isRetriable(error) || progress.attempts >= (options.maxAttempts ?? 10)) throw error;
        const waitMs = delayFor(error, progress.attempts, { baseMs: this.settings.backoffBaseMs, maxMs: this.settings.backoffMaxMs });
        this.logger.warn({ msg: 'replay interrupted; resuming', ...describeError(error), resumeFrom: progress.from, waitMs });
        await sleep(waitMs, undefined, { signal: options.signal });
      }
    }
  }

  private async walkFrom(progress: ReplayProgress, options: ReplayOptions): Promise<ReplayProgress> {
    const walk = await this.walker.plan({ kind: 'since', time: new Date(progress.from) }, { signal: options.signal });
    progress.pagesTotal = walk.pages.length;
    progress.pagesRead = 0;
    for await (const page of readAhead(walk.read({ signal: options.signal }))) {
      await this.send(page, progress);
      progress.pagesRead += 1;
      options.onProgress?.({ ...progress });
    }
    options.signal?.throwIfAborted();
    return progress;
  }

  private async send(page: WalkedPage, progress: ReplayProgress): Promise<void> {
    const records = [...uniqueByKey(page.items).values()].map((item) => recordFor(item));
    await this.publisher.send(records);
    for (const record of records) this.metrics.replayed.inc({ kind: record.kind });
    const deadLetters = records.filter((record) => record.kind === 'dead-letter').length;
    progress.recordsPublished += records.length - deadLetters;
    progress.deadLetters += deadLetters;
    // Entries at this time may not all be sent yet: resuming from it (inclusive) repeats a few, loses none.
    const newest = [...page.items].reverse().find((item) => item.entry?.updated)?.entry?.updated;
    if (newest && !Number.isNaN(Date.parse(newest))) progress.from = new Date(newest).toISOString();
  }
}
