import { payloadName, toJsonNumber, type PayloadName } from './feed-vocabulary';

type Fields = Record<string, unknown>;

/** One open payload element while its children and text arrive. */
interface Frame {
  name: PayloadName;
  nil: boolean;
  text: string;
  fields: Fields | null;
  list: unknown[] | null;
  /** Keys that became arrays because the element repeated (so a third occurrence is appended). */
  repeated: Set<string> | null;
}

const NON_WHITESPACE = /\S/;
/** Where text mixed with child elements is kept, so that nothing the feed carries is dropped. */
export const MIXED_TEXT_KEY = '#text';

/**
 * Builds the camelCase JSON of one payload element from open/text/close events.
 *
 * Rules (contract "Topics"):
 * - element names become camelCase keys; elements of any namespace are kept by local name;
 * - a leaf keeps its text exactly (CDATA is text); an empty leaf is "", `xsi:nil` is null;
 * - NUMBER_FIELDS become JSON numbers; other text stays a string;
 * - LIST_CONTAINERS (`items`) are always arrays of their children, in order; a nil one is [];
 * - elsewhere, a name that occurs twice or more under one parent becomes an array of its values;
 * - whitespace-only text between child elements is formatting and dropped; other text beside
 *   child elements is kept under "#text"; attributes other than xsi:nil are not data.
 * Problems (a number that is not one, a nil element with content) are collected, not thrown.
 */
export class PayloadTreeBuilder {
  readonly problems: string[] = [];
  private readonly frames: Frame[] = [];
  private rootValue: unknown = undefined;

  open(local: string, nil: boolean): void {
    const name = payloadName(local);
    this.frames.push({ name, nil, text: '', fields: null, list: name.isList ? [] : null, repeated: null });
  }

  text(text: string): void {
    this.frames[this.frames.length - 1].text += text;
  }

  close(): void {
    const frame = this.frames[this.frames.length - 1];
    const value = this.valueOf(frame);
    this.frames.pop();
    const parent = this.frames[this.frames.length - 1];
    if (parent === undefined) this.rootValue = value;
    else attach(parent, frame.name.key, value);
  }

  /** The root element's value once it has closed: usually an object, "" or null when it was empty. */
  get result(): unknown {
    return this.rootValue;
  }

  private valueOf(frame: Frame): unknown {
    const hasText = frame.text.length > 0 && NON_WHITESPACE.test(frame.text);
    if (frame.nil) return this.nilValue(frame, hasText);
    if (frame.list !== null) {
      if (hasText) this.problem('holds text beside its items');
      return frame.list;
    }
    if (frame.fields !== null) {
      if (hasText) frame.fields[MIXED_TEXT_KEY] = frame.text;
      return frame.fields;
    }
    if (frame.name.isNumber) return this.numberValue(frame);
    return frame.text;
  }

  private nilValue(frame: Frame, hasText: boolean): unknown {
    if (hasText || frame.fields !== null || (frame.list !== null && frame.list.length > 0)) {
      this.problem('is xsi:nil but has content');
    }
    return frame.list !== null ? [] : null;
  }

  private numberValue(frame: Frame): number | string {
    const value = toJsonNumber(frame.text);
    if (value !== undefined) return value;
    this.problem(`is not a number: ${JSON.stringify(frame.text)}`);
    return frame.text;
  }

  /** Called while the element is still the innermost open frame, so the stack is its path. */
  private problem(what: string): void {
    this.problems.push(`${this.frames.map((open) => open.name.local).join('/')} ${what}`);
  }
}

function attach(parent: Frame, key: string, value: unknown): void {
  if (parent.list !== null) {
    parent.list.push(value);
    return;
  }
  const fields = (parent.fields ??= {});
  if (!Object.hasOwn(fields, key)) {
    setField(fields, key, value);
  } else if (parent.repeated?.has(key)) {
    (fields[key] as unknown[]).push(value);
  } else {
    setField(fields, key, [fields[key], value]);
    (parent.repeated ??= new Set()).add(key);
  }
}

// `__proto__` is a legal XML name; plain assignment would replace the object's prototype instead
// of adding a field.
function setField(fields: Fields, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(fields, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    fields[key] = value;
  }
}
