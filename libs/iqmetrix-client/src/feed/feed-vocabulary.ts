/** Namespaces the reader matches on (never on prefixes, which any document may choose freely). */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const DROPSHIP_NS = 'urn:iQmetrix:dropship';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Payload fields the reference types as integer or decimal (contract "Topics"): JSON numbers. */
export const NUMBER_FIELDS: ReadonlySet<string> = new Set([
  'quantity',
  'selling-price',
  'company-id',
  'location-id',
  'supplier-id',
]);

/** Containers whose children are always a list, whatever their count (contract: `items`). */
export const LIST_CONTAINERS: ReadonlySet<string> = new Set(['items']);

export const KNOWN_PAYLOADS: ReadonlySet<string> = new Set(['order-created', 'order-status-updated']);

/** What the payload conversion needs to know about an element name, computed once per name. */
export interface PayloadName {
  readonly local: string;
  /** The camelCase key of the element's value in its parent. */
  readonly key: string;
  readonly isList: boolean;
  readonly isNumber: boolean;
}

// Names repeat on every entry, so descriptions are cached; the cap keeps a hostile page with
// millions of distinct element names from growing the cache without bound.
const NAME_CACHE_LIMIT = 2048;
const nameCache = new Map<string, PayloadName>();

export function payloadName(local: string): PayloadName {
  const cached = nameCache.get(local);
  if (cached !== undefined) return cached;
  const name = {
    local,
    key: camelCaseName(local),
    isList: LIST_CONTAINERS.has(local),
    isNumber: NUMBER_FIELDS.has(local),
  };
  if (nameCache.size < NAME_CACHE_LIMIT) nameCache.set(local, name);
  return name;
}

/** `shipping-address` → `shippingAddress`, `street-address-1` → `streetAddress1`; other characters kept. */
export function camelCaseName(local: string): string {
  if (!local.includes('-')) return local;
  const [first, ...rest] = local.split('-');
  let result = first;
  for (const part of rest) {
    if (part.length > 0) result += part.charAt(0).toUpperCase() + part.slice(1);
  }
  return result;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * An xs:integer or xs:decimal lexical value as a JSON number, or undefined when the text is not one
 * or an integer would lose precision. Surrounding whitespace is allowed (XML Schema collapses it).
 */
export function toJsonNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return undefined;
  if (!trimmed.includes('.') && !Number.isSafeInteger(value)) return undefined;
  return value === 0 ? 0 : value;
}

/** xsi:nil is an xs:boolean: "true" or "1" (whitespace collapsed). */
export function isNilValue(value: string): boolean {
  const trimmed = value.trim();
  return trimmed === 'true' || trimmed === '1';
}
