import type { QualifiedAttribute, QualifiedTag } from 'sax';
import type { FeedHeader, FeedLinks } from './feed.types';

type HeaderField = 'id' | 'title' | 'updated';
const HEADER_FIELDS: ReadonlySet<string> = new Set<HeaderField>(['id', 'title', 'updated']);

// RFC 4287 §4.2.7.2: a registered rel may also be written as this IRI prefix plus its name.
const IANA_RELATION_PREFIX = 'http://www.iana.org/assignments/relation/';

const NAMED_RELS: ReadonlyMap<string, keyof Omit<FeedLinks, 'other'>> = new Map([
  ['self', 'self'],
  ['current', 'current'],
  ['prev-archive', 'prevArchive'],
  ['next-archive', 'nextArchive'],
] as const);

/**
 * Collects the feed-level Atom children (id, title, updated, links) of a page. The caller has
 * already checked the Atom namespace; text arrives only for the child being read.
 */
export class FeedHeaderBuilder {
  private readonly values: Partial<Record<HeaderField, string>> = {};
  private readonly links: FeedLinks = { other: [] };
  private field: HeaderField | null = null;
  private fieldText = '';

  openChild(tag: QualifiedTag): void {
    if (HEADER_FIELDS.has(tag.local)) {
      this.field = tag.local as HeaderField;
      this.fieldText = '';
    } else if (tag.local === 'link') {
      this.addLink(tag.attributes);
    }
  }

  text(text: string): void {
    if (this.field !== null) this.fieldText += text;
  }

  closeChild(): void {
    if (this.field !== null && this.values[this.field] === undefined) {
      this.values[this.field] = this.fieldText.trim();
    }
    this.field = null;
  }

  build(): FeedHeader {
    return {
      id: this.values.id ?? null,
      title: this.values.title ?? null,
      updated: this.values.updated ?? null,
      links: this.links,
    };
  }

  /** A link without href carries nothing to follow and is skipped; the first of each named rel wins. */
  private addLink(attributes: Record<string, QualifiedAttribute>): void {
    const href = unqualifiedAttribute(attributes, 'href');
    if (href === undefined) return;
    // RFC 4287 §4.2.7.2: a link without rel is "alternate".
    const rel = unqualifiedAttribute(attributes, 'rel')?.trim() ?? 'alternate';
    const named = NAMED_RELS.get(normalizeRel(rel));
    if (named !== undefined && this.links[named] === undefined) this.links[named] = href.trim();
    else this.links.other.push({ rel, href: href.trim() });
  }
}

function normalizeRel(rel: string): string {
  const lower = rel.toLowerCase();
  return lower.startsWith(IANA_RELATION_PREFIX) ? lower.slice(IANA_RELATION_PREFIX.length) : lower;
}

/** Atom's own attributes are in no namespace; a prefixed `x:href` is a different attribute. */
function unqualifiedAttribute(attributes: Record<string, QualifiedAttribute>, local: string): string | undefined {
  const attribute = attributes[local];
  return attribute !== undefined && attribute.uri === '' ? attribute.value : undefined;
}
