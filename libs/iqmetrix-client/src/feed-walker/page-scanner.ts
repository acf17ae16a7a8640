import type { QualifiedTag, SAXParser } from 'sax';
import { FeedHeaderBuilder } from '../feed/feed-header';
import { ATOM_NS } from '../feed/feed-vocabulary';
import { FeedParseError, type FeedParseErrorCode } from '../feed/feed.errors';
import type { FeedHeader } from '../feed/feed.types';
import { createStrictParser, isReadingDoctype } from '../feed/sax-setup';

/** The two Atom fields of an entry the scan needs to find a start. */
export interface ScannedEntry {
  id: string | null;
  updated: string | null;
}

/** What a scan rule decides: stop reading this page with an outcome, stop without one, or go on. */
export type ScanDecision = 'found' | 'passed' | 'enough' | undefined;

/** The walk's start condition, asked as the scan reads a page. */
export interface ScanRule {
  /** Before the first entry is read: the header links seen so far are usually all there are. */
  beforeFirstEntry(header: FeedHeader): ScanDecision;
  onEntry(entry: ScannedEntry): ScanDecision;
}

class StopScan {
  constructor(readonly decision: ScanDecision) {}
}

type EntryField = 'id' | 'updated';

/**
 * A cheap first pass over a page: the same strict, namespace-aware sax setup as the feed reader,
 * but it only keeps the feed header and each entry's id and updated, and can stop as soon as the
 * rule has its answer. The read pass parses the pages in full afterwards, so a walk back through
 * hundreds of archive pages costs little more than the pages it actually reads.
 */
export class PageScanner {
  private readonly parser: SAXParser = createStrictParser();
  private readonly header = new FeedHeaderBuilder();
  private depth = 0;
  private sawRoot = false;
  private sawEntry = false;
  private entry: { id: string | null; updated: string | null; field: EntryField | null; text: string } | null = null;
  private stop: StopScan | null = null;

  constructor(private readonly rule: ScanRule) {
    this.parser.onopentag = (tag) => this.openTag(tag as QualifiedTag);
    this.parser.ontext = (text) => this.text(text);
    this.parser.oncdata = (text) => this.text(text);
    this.parser.onclosetag = () => this.closeTag();
    this.parser.ondoctype = () => {
      throw this.rejection('FEED.DTD_FORBIDDEN', 'a DOCTYPE is not accepted');
    };
    this.parser.onerror = (error) => {
      throw this.rejection('FEED.MALFORMED_PAGE', error.message.split('\n')[0]);
    };
  }

  /** Set once the rule stopped the scan; `write` then does nothing. */
  get stopped(): { decision: ScanDecision } | null {
    return this.stop;
  }

  write(text: string): void {
    if (this.stop !== null) return;
    try {
      this.parser.write(text);
    } catch (error) {
      if (!(error instanceof StopScan)) throw error;
      this.stop = error;
      return;
    }
    if (isReadingDoctype(this.parser)) throw this.rejection('FEED.DTD_FORBIDDEN', 'a DOCTYPE is not accepted');
  }

  /** The header as read so far (all of it once the page ended or the first entry began). */
  end(): FeedHeader {
    if (this.stop === null) {
      this.parser.close();
      if (!this.sawRoot) throw this.rejection('FEED.MALFORMED_PAGE', 'the page has no root element');
    }
    return this.header.build();
  }

  private openTag(tag: QualifiedTag): void {
    const depth = this.depth++;
    if (depth === 0) return this.openRoot(tag);
    if (this.entry !== null) {
      if (depth === 2 && tag.uri === ATOM_NS && (tag.local === 'id' || tag.local === 'updated')) {
        this.entry.field = tag.local;
        this.entry.text = '';
      }
    } else if (depth === 1 && tag.uri === ATOM_NS) {
      if (tag.local === 'entry') this.startEntry();
      else this.header.openChild(tag);
    }
  }

  private text(text: string): void {
    if (this.entry !== null) {
      if (this.entry.field !== null) this.entry.text += text;
    } else if (this.depth === 2) this.header.text(text);
  }

  private closeTag(): void {
    const depth = --this.depth;
    const entry = this.entry;
    if (entry === null) {
      if (depth === 1) this.header.closeChild();
      return;
    }
    if (depth === 2 && entry.field !== null) {
      // The first id/updated wins, as in the feed reader.
      entry[entry.field] ??= entry.text.trim();
      entry.field = null;
    } else if (depth === 1) {
      this.entry = null;
      this.decide(this.rule.onEntry({ id: entry.id, updated: entry.updated }));
    }
  }

  private openRoot(tag: QualifiedTag): void {
    if (this.sawRoot) throw this.rejection('FEED.MALFORMED_PAGE', 'the page has more than one root element');
    this.sawRoot = true;
    if (tag.uri !== ATOM_NS || tag.local !== 'feed') {
      throw this.rejection('FEED.NOT_ATOM_FEED', `the root element is ${tag.local}, not an Atom feed`);
    }
  }

  private startEntry(): void {
    if (!this.sawEntry) {
      this.sawEntry = true;
      this.decide(this.rule.beforeFirstEntry(this.header.build()));
    }
    this.entry = { id: null, updated: null, field: null, text: '' };
  }

  private decide(decision: ScanDecision): void {
    if (decision !== undefined) throw new StopScan(decision);
  }

  private rejection(code: FeedParseErrorCode, reason: string): FeedParseError {
    return new FeedParseError(code, reason, { line: this.parser.line + 1, column: this.parser.column });
  }
}
