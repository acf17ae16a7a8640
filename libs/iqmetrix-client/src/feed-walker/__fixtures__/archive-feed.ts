// A small archived Atom feed served over real HTTP for the walker's unit tests: pages of
// `pageSize` entries, newest first, with self/current/prev-archive/next-archive links as
// iQmetrix writes them (api-reference §3.2-3.3). For tests only.
import type { ServerResponse } from 'node:http';
import { ATOM, entry, orderCreated } from '../../feed/__fixtures__/feed-fixtures';
import type { RecordedRequest } from '../../http/testing/local-http-server';

export const SUPPLIER = '60455';
export const FEED_PATH = `/v1/Suppliers(${SUPPLIER})/Notifications`;
const BASE_TIME = Date.UTC(2024, 0, 15, 12, 0, 0);

export interface StoredEntry {
  id: string;
  updated: string;
  xml: string;
}

/** How to answer one page request instead of the page; return true when handled. */
export type PageFault = (pageIndex: number, body: string, response: ServerResponse) => boolean;

export class ArchiveFeed {
  /** Oldest first, as appended. */
  readonly entries: StoredEntry[] = [];
  fault?: PageFault;

  constructor(
    private readonly baseUrl: string,
    readonly pageSize = 5,
  ) {}

  /** Appends `count` order-created entries, one second apart; returns their ids. */
  append(count: number): string[] {
    return Array.from({ length: count }, () => {
      const n = this.entries.length;
      const id = `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      return this.appendXml(id, entry(id, orderCreated({ orderId: `order-${n}` })).replace(/2024-01-01T00:00:00Z/g, this.timeOf(n)));
    });
  }

  /** Appends an entry exactly as given (malformed ones included); `id` is what the test calls it. */
  appendXml(id: string, xml: string): string {
    this.entries.push({ id, updated: this.timeOf(this.entries.length), xml });
    return id;
  }

  get pageCount(): number {
    return Math.max(1, Math.ceil(this.entries.length / this.pageSize));
  }

  pageUrl(index: number): string {
    return `${this.baseUrl}${FEED_PATH}/Pages(page-${index})`;
  }

  /** Entry ids of page `index` (0 = oldest), oldest first. */
  idsOfPage(index: number): string[] {
    return this.entries.slice(index * this.pageSize, (index + 1) * this.pageSize).map((e) => e.id);
  }

  render(index: number): string {
    const current = index === this.pageCount - 1;
    const links = [
      `<link rel="current" href="${this.baseUrl}${FEED_PATH}"/>`,
      `<link rel="self" href="${this.pageUrl(index)}"/>`,
      index > 0 ? `<link rel="prev-archive" href="${this.pageUrl(index - 1)}"/>` : '',
      current ? '' : `<link rel="next-archive" href="${this.pageUrl(index + 1)}"/>`,
    ];
    const pageEntries = this.entries.slice(index * this.pageSize, (index + 1) * this.pageSize).reverse();
    return (
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="${ATOM}"><title type="text">Dropship Order Event Feed</title>` +
      `<id>urn:uuid:page-${index}</id><updated>${pageEntries[0]?.updated ?? this.timeOf(0)}</updated>` +
      `${links.join('')}${pageEntries.map((e) => e.xml).join('')}</feed>`
    );
  }

  /** The Dropship handler of a FakeIqmetrix. */
  handle(request: RecordedRequest, response: ServerResponse): void {
    const match = /\/Notifications(?:\/Pages\(page-(\d+)\))?$/.exec(request.url);
    const index = match?.[1] === undefined ? this.pageCount - 1 : Number(match[1]);
    if (match === null || index >= this.pageCount) {
      response.writeHead(400, { 'content-type': 'application/json' }).end('{"Message":"The request is invalid"}');
      return;
    }
    const body = this.render(index);
    if (this.fault?.(index, body, response)) return;
    response.writeHead(200, { 'content-type': 'application/atom+xml', 'content-length': Buffer.byteLength(body) }).end(body);
  }

  private timeOf(n: number): string {
    return new Date(BASE_TIME + n * 1000).toISOString().replace('.000Z', 'Z');
  }
}
