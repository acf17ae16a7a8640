import { Inject, Injectable, Logger } from '@nestjs/common';
import { FeedWalker, readAhead, startAfter } from '@dropship/iqmetrix-client';
import { CheckpointStore } from '../checkpoint/checkpoint.store';
import type { SqlSession } from '../checkpoint/checkpoint.types';
import { INGESTOR_SETTINGS, type IngestorSettings } from '../config/ingestor-settings';
import { IngestMetrics } from './ingest.metrics';
import { PagePublisher } from './page-publisher';

export interface PollSummary {
  status: string;
  pages: number;
  published: number;
  deadLetters: number;
  duplicates: number;
}

/**
 * One poll: from the stored checkpoint, walk the feed back to it and take the new pages to Kafka
 * oldest first, one page at a time (the next page is fetched and parsed while the current one is
 * being sent). Stops between pages when `signal` aborts (shutdown, or leadership lost).
 */
@Injectable()
export class FeedPoll {
  private readonly logger = new Logger(FeedPoll.name);
  private prunedAt = 0;
  private saidNoCheckpoint = false;

  constructor(
    private readonly walker: FeedWalker,
    private readonly store: CheckpointStore,
    private readonly pages: PagePublisher,
    private readonly metrics: IngestMetrics,
    @Inject(INGESTOR_SETTINGS) private readonly settings: IngestorSettings,
  ) {}

  async run(session: SqlSession, signal: AbortSignal): Promise<PollSummary> {
    const startedAt = Date.now();
    const stored = await this.store.load(session);
    if (stored !== null) this.metrics.checkpointAt(stored.entryUpdated, stored.updatedAt.getTime());
    else if (!this.saidNoCheckpoint) {
      this.saidNoCheckpoint = true;
      this.logger.log({ msg: 'no checkpoint yet: reading the feed archive from its oldest page', supplierId: this.settings.supplierId });
    }
    const walk = await this.walker.plan(startAfter(stored && { entryId: stored.entryId, updated: stored.entryUpdated }), { signal });
    const summary: PollSummary = { status: walk.status, pages: 0, published: 0, deadLetters: 0, duplicates: 0 };
    for await (const page of readAhead(walk.read({ signal }))) {
      if (signal.aborted) break;
      const outcome = await this.pages.publish(page, session);
      summary.pages += 1;
      summary.published += outcome.published;
      summary.deadLetters += outcome.deadLetters;
      summary.duplicates += outcome.duplicates;
      if (outcome.move !== null) this.metrics.checkpointAt(outcome.move.entryUpdated);
      if (page.total > 1) this.logger.log({ msg: 'catching up', page: page.index + 1, of: page.total, published: summary.published });
    }
    if (!signal.aborted) this.metrics.checkpointAt(null);
    const line = { msg: 'feed poll done', ...summary, durationMs: Date.now() - startedAt };
    if (summary.published + summary.deadLetters > 0) this.logger.log(line);
    else this.logger.debug(line);
    return summary;
  }

  /** Forgets old published entry ids, at most once per `pruneEveryMs`. */
  async pruneWhenDue(session: SqlSession): Promise<void> {
    if (Date.now() - this.prunedAt < this.settings.pruneEveryMs) return;
    this.prunedAt = Date.now();
    const pruned = await this.store.prune(session, this.settings.publishedRetentionDays);
    if (pruned > 0) this.logger.log({ msg: 'published entry ids pruned', pruned, retentionDays: this.settings.publishedRetentionDays });
  }
}
