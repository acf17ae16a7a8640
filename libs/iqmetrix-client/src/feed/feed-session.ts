import type { QualifiedTag, SAXParser } from 'sax';
import { EntryBuilder, type EntryOutcome } from './entry-builder';
import { FeedHeaderBuilder } from './feed-header';
import { ATOM_NS } from './feed-vocabulary';
import { FeedParseError, type FeedParseErrorCode } from './feed.errors';
import type { FeedHeader, SourcePosition } from './feed.types';
import { createStrictParser, isBetweenTags, isReadingDoctype } from './sax-setup';
import { SourceWindow } from './source-window';

export interface FeedLimits {
  maxPageBytes: number;
  maxEntryBytes: number;
}

/** How much of an oversized entry an issue keeps: enough to identify it in a dead-letter record. */
export const OVERSIZED_RAW_PREFIX_CHARS = 64 * 1024;
const UTF8_MAX_BYTES_PER_UNIT = 3;
const CARRIAGE_RETURNS = /\r\n?/g;

/** Where an entry began and what is kept of it once it outgrew maxEntryBytes. */
interface OpenEntry {
  builder: EntryBuilder;
  start: number;
  position: SourcePosition;
  oversizedPrefix: string | null;
}

/**
 * One page being parsed: sax in strict, namespace-aware mode with only XML's five entities, the
 * Atom structure on top (feed header, entries) and the source window that rawXml is cut from.
 * Entries and issues are queued per write; the caller takes them and hands them on.
 */
export class FeedSession {
  private readonly parser: SAXParser;
  private readonly window = new SourceWindow();
  private readonly header = new FeedHeaderBuilder();
  private outcomes: EntryOutcome[] = [];
  private depth = 0;
  private sawRoot = false;
  private entry: OpenEntry | null = null;

  constructor(
    private readonly limits: FeedLimits,
    private readonly fromBytes: boolean,
  ) {
    this.parser = createStrictParser();
    this.parser.onopentag = (tag) => this.openTag(tag as QualifiedTag);
    this.parser.ontext = (text) => this.text(text);
    this.parser.oncdata = (text) => this.text(text);
    this.parser.onclosetag = () => this.closeTag();
    this.parser.ondoctype = () => {
      throw this.rejection('FEED.DTD_FORBIDDEN', 'a DOCTYPE is not accepted');
    };
    this.parser.onprocessinginstruction = (instruction) => this.checkDeclaration(instruction);
    this.parser.onerror = (error) => {
      throw this.saxRejection(error);
    };
  }

  write(text: string): void {
    this.window.append(text);
    this.parser.write(text);
    // A DTD is refused as soon as it starts, not after sax buffered all of it.
    if (isReadingDoctype(this.parser)) throw this.rejection('FEED.DTD_FORBIDDEN', 'a DOCTYPE is not accepted');
    this.limitOpenEntry();
    this.window.discardBefore(this.firstNeededOffset());
  }

  end(): FeedHeader {
    this.parser.close();
    if (!this.sawRoot) throw this.rejection('FEED.MALFORMED_PAGE', 'the page has no root element');
    return this.header.build();
  }

  /** Entries and issues completed since the last call, in document order. */
  takeOutcomes(): EntryOutcome[] {
    const taken = this.outcomes;
    this.outcomes = [];
    return taken;
  }

  private openTag(tag: QualifiedTag): void {
    const depth = this.depth++;
    if (this.entry !== null) this.entry.builder.open(tag);
    else if (depth === 0) this.openRoot(tag);
    else if (depth === 1 && tag.uri === ATOM_NS) {
      if (tag.local === 'entry') this.startEntry();
      else this.header.openChild(tag);
    }
  }

  private text(raw: string): void {
    // XML 1.0 §2.11: a parser reports every CRLF or lone CR as LF; sax leaves that to its user.
    // (A CR written as &#13; is folded too: sax has already expanded it; the feed never sends one.)
    const text = raw.includes('\r') ? raw.replace(CARRIAGE_RETURNS, '\n') : raw;
    if (this.entry !== null) this.entry.builder.text(text);
    else if (this.depth === 2) this.header.text(text);
  }

  private closeTag(): void {
    const depth = --this.depth;
    if (this.entry === null) {
      if (depth === 1) this.header.closeChild();
    } else if (depth === 1) this.finishEntry(this.entry);
    else this.entry.builder.close();
  }

  private openRoot(tag: QualifiedTag): void {
    // sax's strict mode lets a second root element through; XML does not.
    if (this.sawRoot) throw this.rejection('FEED.MALFORMED_PAGE', 'the page has more than one root element');
    this.sawRoot = true;
    if (tag.uri !== ATOM_NS || tag.local !== 'feed') {
      const found = tag.uri === '' ? tag.local : `{${tag.uri}}${tag.local}`;
      throw this.rejection('FEED.NOT_ATOM_FEED', `the root element is ${found}, not an Atom feed`);
    }
  }

  private startEntry(): void {
    const { line, column, startTagPosition } = this.parser;
    this.entry = {
      builder: new EntryBuilder(),
      start: startTagPosition - 1,
      position: { offset: startTagPosition - 1, line: line + 1, column },
      oversizedPrefix: null,
    };
  }

  private finishEntry(open: OpenEntry): void {
    this.entry = null;
    let rawXml = open.oversizedPrefix ?? this.window.slice(open.start, this.parser.position);
    if (open.oversizedPrefix === null && this.exceedsEntryLimit(rawXml)) {
      open.builder.markOversized();
      rawXml = rawXml.slice(0, OVERSIZED_RAW_PREFIX_CHARS);
      open.oversizedPrefix = rawXml;
    }
    this.outcomes.push(open.builder.finish(rawXml, open.position, open.oversizedPrefix !== null));
  }

  /** UTF-8 needs at least one byte per UTF-16 unit and at most three, so most entries skip the count. */
  private exceedsEntryLimit(rawXml: string): boolean {
    const max = this.limits.maxEntryBytes;
    if (rawXml.length > max) return true;
    return rawXml.length * UTF8_MAX_BYTES_PER_UNIT > max && Buffer.byteLength(rawXml, 'utf8') > max;
  }

  /** Stops keeping an open entry's text once it is certainly over the limit. */
  private limitOpenEntry(): void {
    const open = this.entry;
    if (open === null || open.oversizedPrefix !== null) return;
    if (this.window.end - open.start <= this.limits.maxEntryBytes) return;
    const prefixEnd = Math.min(open.start + OVERSIZED_RAW_PREFIX_CHARS, this.window.end);
    open.oversizedPrefix = this.window.slice(open.start, prefixEnd);
    open.builder.markOversized();
  }

  private firstNeededOffset(): number {
    const open = this.entry;
    if (open !== null && open.oversizedPrefix === null) return open.start;
    // Between tags nothing before the end is needed; inside a tag, its start might open an entry.
    return isBetweenTags(this.parser) ? this.window.end : this.parser.startTagPosition - 1;
  }

  private checkDeclaration({ name, body }: { name: string; body: string }): void {
    if (!this.fromBytes || name.toLowerCase() !== 'xml') return;
    const encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(body)?.[1].toLowerCase();
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf8') {
      throw this.rejection('FEED.UNSUPPORTED_ENCODING', `the page declares encoding ${encoding}; only UTF-8 is read`);
    }
  }

  private saxRejection(error: Error): FeedParseError {
    const reason = error.message.split('\n')[0];
    // sax reports a DOCTYPE after the root element as a syntax error; it is still a DTD.
    const code = /doctype/i.test(reason) ? 'FEED.DTD_FORBIDDEN' : 'FEED.MALFORMED_PAGE';
    return this.rejection(code, reason);
  }

  private rejection(code: FeedParseErrorCode, reason: string): FeedParseError {
    return new FeedParseError(code, reason, { line: this.parser.line + 1, column: this.parser.column });
  }
}
