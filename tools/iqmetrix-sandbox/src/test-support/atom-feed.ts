import { find, findAll, parseXml, valueAt, type XmlNode } from './xml-tree';

export interface ParsedEntry {
  id: string;
  title: string;
  published: string;
  updated: string;
  /** The `order-created` or `order-status-updated` element. */
  payload: XmlNode;
}

export interface ParsedFeed {
  root: XmlNode;
  id: string;
  title: string;
  updated: string;
  author: string;
  links: Record<string, string>;
  entries: ParsedEntry[];
}

export function parseFeed(xml: string): ParsedFeed {
  const root = parseXml(xml);
  const links: Record<string, string> = {};
  for (const link of findAll(root, 'link')) links[link.attributes.rel] = link.attributes.href;
  return {
    root,
    id: valueAt(root, 'id') ?? '',
    title: valueAt(root, 'title') ?? '',
    updated: valueAt(root, 'updated') ?? '',
    author: valueAt(root, 'author/name') ?? '',
    links,
    entries: findAll(root, 'entry').map((entry) => ({
      id: valueAt(entry, 'id') ?? '',
      title: valueAt(entry, 'title') ?? '',
      published: valueAt(entry, 'published') ?? '',
      updated: valueAt(entry, 'updated') ?? '',
      payload: (find(entry, 'content') as XmlNode).children[0],
    })),
  };
}

/** The order id of an entry's payload. */
export function orderIdOf(entry: ParsedEntry): string {
  return valueAt(entry.payload, 'order-id') ?? '';
}

/** The page guid from a `…/Pages(<guid>)` href. */
export function pageGuidOf(href: string): string {
  const match = /Pages\(([^)]+)\)$/.exec(href);
  if (!match) throw new Error(`not a page href: ${href}`);
  return match[1];
}
