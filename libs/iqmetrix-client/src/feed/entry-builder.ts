import type { QualifiedAttribute, QualifiedTag } from 'sax';
import { ATOM_NS, DROPSHIP_NS, isNilValue, KNOWN_PAYLOADS, XSI_NS } from './feed-vocabulary';
import type { EntryIssue, FeedEntry, FeedEntryKind, SourcePosition } from './feed.types';
import { PayloadTreeBuilder } from './payload-tree';

export type EntryOutcome = { entry: FeedEntry; issue?: never } | { issue: EntryIssue; entry?: never };

type MetaField = 'id' | 'title' | 'published' | 'updated';
const META_FIELDS: ReadonlySet<string> = new Set<MetaField>(['id', 'title', 'published', 'updated']);

// Levels below the entry element: 1 = entry's children, 2 = the payload root inside content.
const CHILD_LEVEL = 1;
const PAYLOAD_LEVEL = 2;

/**
 * Collects one Atom entry from the element events between its start and end tags: the Atom
 * metadata, then the single payload inside `content`, converted by PayloadTreeBuilder.
 */
export class EntryBuilder {
  private level = 0;
  private readonly meta: Partial<Record<MetaField, string>> = {};
  private metaField: MetaField | null = null;
  private metaText = '';
  private inContent = false;
  private contentSeen = false;
  private payloadCount = 0;
  private payloadName: { uri: string; local: string } | null = null;
  private tree: PayloadTreeBuilder | null = null;
  private treeOpen = false;
  private oversized = false;

  open(tag: QualifiedTag): void {
    const level = ++this.level;
    if (this.treeOpen) this.tree?.open(tag.local, hasXsiNil(tag.attributes));
    else if (level === CHILD_LEVEL) this.openChild(tag);
    else if (level === PAYLOAD_LEVEL && this.inContent) this.openPayload(tag);
  }

  text(text: string): void {
    if (this.treeOpen) this.tree?.text(text);
    else if (this.metaField !== null && this.level === CHILD_LEVEL) this.metaText += text;
  }

  close(): void {
    const level = this.level--;
    if (this.treeOpen) {
      this.tree?.close();
      if (level === PAYLOAD_LEVEL) this.treeOpen = false;
    } else if (level === CHILD_LEVEL) {
      if (this.metaField !== null && this.meta[this.metaField] === undefined) {
        this.meta[this.metaField] = this.metaText.trim();
      }
      this.metaField = null;
      this.inContent = false;
    }
  }

  /** The entry outgrew maxEntryBytes: stop building its data (keeps memory bounded), keep its id. */
  markOversized(): void {
    this.oversized = true;
    this.tree = null;
  }

  finish(rawXml: string, position: SourcePosition, rawXmlTruncated: boolean): EntryOutcome {
    const reasons = this.oversized ? ['entry exceeds maxEntryBytes'] : this.validate();
    const entryId = this.meta.id;
    if (reasons.length > 0 || entryId === undefined) {
      const issue: EntryIssue = { rawXml, reason: reasons.join('; '), position };
      if (entryId) issue.entryId = entryId;
      if (rawXmlTruncated) issue.rawXmlTruncated = true;
      return { issue };
    }
    return { entry: this.toEntry(entryId, rawXml) };
  }

  private openChild(tag: QualifiedTag): void {
    if (tag.uri !== ATOM_NS) return;
    if (META_FIELDS.has(tag.local)) {
      this.metaField = tag.local as MetaField;
      this.metaText = '';
    } else if (tag.local === 'content') {
      this.inContent = true;
      this.contentSeen = true;
    }
  }

  private openPayload(tag: QualifiedTag): void {
    this.payloadCount += 1;
    if (this.payloadCount > 1 || this.oversized) return;
    this.payloadName = { uri: tag.uri, local: tag.local };
    this.tree = new PayloadTreeBuilder();
    this.tree.open(tag.local, hasXsiNil(tag.attributes));
    this.treeOpen = true;
  }

  private validate(): string[] {
    const reasons: string[] = [];
    if (!this.meta.id) reasons.push('entry has no Atom id');
    if (!this.contentSeen) reasons.push('entry has no content element');
    else if (this.payloadCount === 0) reasons.push('entry content holds no payload element');
    else if (this.payloadCount > 1) {
      reasons.push(`entry content holds ${this.payloadCount} payload elements; exactly one is expected`);
    }
    if (this.tree !== null && this.payloadCount === 1) reasons.push(...this.payloadProblems(this.tree));
    return reasons;
  }

  private payloadProblems(tree: PayloadTreeBuilder): string[] {
    const reasons = [...tree.problems];
    const name = this.payloadName?.local ?? 'payload';
    if (!isFields(tree.result)) return [...reasons, `${name} has no fields`];
    const kind = this.kind();
    if (kind !== 'unknown' && typeof tree.result['orderId'] !== 'string') {
      reasons.push(`${name} has no order-id`);
    } else if (kind !== 'unknown' && (tree.result['orderId'] as string).trim() === '') {
      reasons.push(`${name} has an empty order-id`);
    }
    return reasons;
  }

  private kind(): FeedEntryKind {
    const name = this.payloadName;
    if (name === null || name.uri !== DROPSHIP_NS || !KNOWN_PAYLOADS.has(name.local)) return 'unknown';
    return name.local as FeedEntryKind;
  }

  private toEntry(entryId: string, rawXml: string): FeedEntry {
    const data = (this.tree?.result ?? {}) as Record<string, unknown>;
    const orderId = data['orderId'];
    return {
      entryId,
      title: this.meta.title ?? null,
      published: this.meta.published ?? null,
      updated: this.meta.updated ?? null,
      kind: this.kind(),
      orderId: typeof orderId === 'string' ? orderId : null,
      data,
      rawXml,
    };
  }
}

function isFields(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for an attribute `nil` in the XML Schema instance namespace, whatever its prefix. */
export function hasXsiNil(attributes: Record<string, QualifiedAttribute>): boolean {
  for (const name in attributes) {
    const attribute = attributes[name];
    if (attribute.local === 'nil' && attribute.uri === XSI_NS) return isNilValue(attribute.value);
  }
  return false;
}
