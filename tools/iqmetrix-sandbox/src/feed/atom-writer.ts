import { escapeXml } from './xml';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
export const FEED_TITLE = 'Dropship Order Event Feed';

export interface EntryFields {
  id: string;
  title: string;
  /** Atom timestamp (`2015-10-23T21:37:31Z`). */
  time: string;
  /** The rendered `order-created` / `order-status-updated` element. */
  payloadXml: string;
}

/** One `<entry>`, rendered once when it is appended (pages are assembled from these). */
export function renderEntry(entry: EntryFields): string {
  return (
    `  <entry>\n    <id>urn:uuid:${escapeXml(entry.id)}</id>\n` +
    `    <title type="text">${escapeXml(entry.title)}</title>\n` +
    `    <published>${entry.time}</published>\n    <updated>${entry.time}</updated>\n` +
    `    <content type="application/xml">${entry.payloadXml}</content>\n  </entry>\n`
  );
}

export interface PageHead {
  guid: string;
  updated: string;
  currentHref: string;
  selfHref: string;
  prevArchiveHref?: string;
  nextArchiveHref?: string;
}

/** A feed page (RFC 4287 + RFC 5005 archive links); `entriesNewestFirst` are rendered entries. */
export function renderPage(head: PageHead, entriesNewestFirst: readonly Buffer[]): Buffer {
  const links = [
    link('current', head.currentHref),
    link('self', head.selfHref),
    head.nextArchiveHref === undefined ? '' : link('next-archive', head.nextArchiveHref),
    head.prevArchiveHref === undefined ? '' : link('prev-archive', head.prevArchiveHref),
  ].join('');
  const top =
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n' +
    `  <title type="text">${FEED_TITLE}</title>\n  <id>urn:uuid:${head.guid}</id>\n` +
    `  <updated>${head.updated}</updated>\n  <author>\n    <name>iQmetrix</name>\n  </author>\n${links}`;
  return Buffer.concat([Buffer.from(top, 'utf8'), ...entriesNewestFirst, Buffer.from('</feed>\n', 'utf8')]);
}

function link(rel: string, href: string): string {
  return `  <link rel="${rel}" href="${escapeXml(href)}" />\n`;
}
