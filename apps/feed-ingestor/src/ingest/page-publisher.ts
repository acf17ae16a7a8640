import { Injectable, Logger } from '@nestjs/common';
import { itemEntryId, type WalkedPage } from '@dropship/iqmetrix-client';
import { CheckpointStore } from '../checkpoint/checkpoint.store';
import type { CheckpointMove, SqlSession } from '../checkpoint/checkpoint.types';
import { recordFor, uniqueByKey, type EntryRecord } from '../publishing/entry-records';
import { FeedPublisher } from '../publishing/feed.publisher';
import { PublishingMetrics } from '../publishing/publishing.metrics';
import { IngestMetrics } from './ingest.metrics';

export interface PageOutcome {
  published: number;
  deadLetters: number;
  duplicates: number;
  move: CheckpointMove | null;
}

/**
 * Takes one page of the feed to Kafka: drops entries already published (the feed is at-least-once),
 * sends the rest in one request, and only after Kafka acknowledged them remembers their ids and
 * moves the checkpoint. A crash in between leaves the checkpoint before the page, which is then sent
 * again: the only duplicates are that page's, with the same event ids.
 */
@Injectable()
export class PagePublisher {
  private readonly logger = new Logger(PagePublisher.name);

  constructor(
    private readonly publisher: FeedPublisher,
    private readonly store: CheckpointStore,
    private readonly metrics: PublishingMetrics,
    private readonly ingestMetrics: IngestMetrics,
  ) {}

  async publish(page: WalkedPage, session: SqlSession): Promise<PageOutcome> {
    if (page.items.length === 0) return { published: 0, deadLetters: 0, duplicates: 0, move: null };
    const keyed = uniqueByKey(page.items);
    const known = await this.store.published(session, [...keyed.keys()]);
    const fresh = [...keyed].filter(([key]) => !known.has(key)).map(([, item]) => recordFor(item));
    const duplicates = page.items.length - fresh.length;
    await this.publisher.send(fresh);
    const move = checkpointMove(page);
    await this.store.commitPage(session, fresh.map((record) => record.key), move);
    this.report(page, fresh, duplicates);
    const deadLetters = fresh.filter((record) => record.kind === 'dead-letter').length;
    return { published: fresh.length - deadLetters, deadLetters, duplicates, move };
  }

  private report(page: WalkedPage, records: EntryRecord[], duplicates: number): void {
    this.metrics.countPublished(records);
    this.ingestMetrics.duplicatesSkipped.inc(duplicates);
    for (const record of records) {
      const line = { entryId: record.entryId, orderId: record.orderId, topic: record.topic, traceparent: record.traceparent };
      if (record.kind === 'dead-letter') this.logger.warn({ msg: 'feed entry dead-lettered', ...line, code: record.reason });
      else this.logger.log({ msg: 'feed entry published', kind: record.kind, ...line });
    }
    if (duplicates > 0) this.logger.log({ msg: 'duplicate feed entries skipped', page: page.ref.id, duplicates });
    this.logger.debug({ msg: 'feed page published', page: page.ref.id, index: page.index, of: page.total, records: records.length });
  }
}

/**
 * The newest item with an Atom id becomes the checkpoint (the walk finds it by that id), with the
 * newest entry time of the page as its fallback time. A page with nothing new moves nothing.
 */
export function checkpointMove(page: WalkedPage): CheckpointMove | null {
  const items = page.items;
  let entryId: string | undefined;
  let entryUpdated: string | null = null;
  for (let index = items.length - 1; index >= 0 && (entryId === undefined || entryUpdated === null); index -= 1) {
    entryId ??= itemEntryId(items[index]);
    entryUpdated ??= items[index].entry?.updated ?? null;
  }
  if (entryId === undefined) return null;
  return { entryId, entryUpdated, pageUrl: page.ref.selfUrl ?? page.ref.fetchedUrl, pageId: page.ref.id };
}
