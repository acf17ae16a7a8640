import { Readable } from 'node:stream';
import { byteStream, entry, orderCreated, page } from './__fixtures__/feed-fixtures';
import type { EntryIssue, FeedEntry } from './feed.types';
import { parseFeedStream } from './feed-parser';

const entries = (count: number) => Array.from({ length: count }, (_, index) => entry(`urn:uuid:${index}`, orderCreated({ orderId: `o-${index}` })));

describe('parseFeedStream', () => {
  it('hands entries and issues over in document order and resolves with the header', async () => {
    // Given a page with an issue between two entries, streamed in small chunks
    const xml = page([...entries(1), '<entry><id>urn:uuid:bad</id></entry>', ...entries(2).slice(1)]);
    const seen: string[] = [];
    // When it is read through the streaming API
    const header = await parseFeedStream(byteStream(xml, 16), {
      onEntry: (e: FeedEntry) => void seen.push(`entry ${e.entryId}`),
      onIssue: (issue: EntryIssue) => void seen.push(`issue ${issue.entryId}`),
    });
    // Then callbacks came in document order and the header is returned
    expect(seen).toEqual(['entry urn:uuid:0', 'issue urn:uuid:bad', 'entry urn:uuid:1']);
    expect(header).toEqual({ id: 'urn:uuid:page', title: null, updated: '2024-01-01T00:00:00Z', links: { other: [] } });
  });

  it('waits for a handler promise before handing over the next entry', async () => {
    // Given a handler that finishes each entry only after a later turn of the event loop
    const log: string[] = [];
    const onEntry = async (e: FeedEntry) => {
      log.push(`start ${e.orderId}`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`end ${e.orderId}`);
    };
    // When a page of three entries is read
    await parseFeedStream(page(entries(3)), { onEntry, onIssue: () => undefined });
    // Then the handler calls never overlap
    expect(log).toEqual(['start o-0', 'end o-0', 'start o-1', 'end o-1', 'start o-2', 'end o-2']);
  });

  it('stops and rejects with the error a handler throws', async () => {
    // Given a handler that fails on the second entry
    const handled: string[] = [];
    const failure = new Error('downstream unavailable');
    const onEntry = (e: FeedEntry) => {
      if (e.orderId === 'o-1') throw failure;
      handled.push(e.entryId);
    };
    // When a page of three entries is read
    const reading = parseFeedStream(page(entries(3)), { onEntry, onIssue: () => undefined });
    // Then the read fails with that error and the third entry is not handed over
    await expect(reading).rejects.toBe(failure);
    expect(handled).toEqual(['urn:uuid:0']);
  });

  it('passes on an error of the input stream untouched', async () => {
    // Given a body stream that breaks after its first chunk
    const broken = new Error('socket hang up');
    const stream = Readable.from(
      (async function* () {
        yield Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom">');
        throw broken;
      })(),
    );
    // When it is read
    // Then the stream's own error comes out (the HTTP layer decides about retries)
    await expect(parseFeedStream(stream, { onEntry: () => undefined, onIssue: () => undefined })).rejects.toBe(broken);
  });
});
