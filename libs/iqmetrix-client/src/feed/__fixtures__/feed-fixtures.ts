// Builders for small feed pages in tests: each spec states only what it is about and gets a
// well-formed page around it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export const ATOM = 'http://www.w3.org/2005/Atom';
export const DROPSHIP = 'urn:iQmetrix:dropship';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export function fixture(name: string): Buffer {
  return readFileSync(join(__dirname, name));
}

/** A page with the usual header and the given entries (already XML). */
export function page(entries: string[] = [], header = '<id>urn:uuid:page</id><updated>2024-01-01T00:00:00Z</updated>'): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="${ATOM}">${header}${entries.join('')}</feed>`;
}

/** An Atom entry (default Atom namespace) holding `content` inside its content element. */
export function entry(id: string, content: string, title = 'Dropship Order Created'): string {
  return (
    `<entry><id>${id}</id><title type="text">${title}</title>` +
    '<published>2024-01-01T00:00:00Z</published><updated>2024-01-01T00:00:00Z</updated>' +
    `<content type="application/xml">${content}</content></entry>`
  );
}

/** A payload element in the dropship namespace with xsi bound to `i`, as the feed writes it. */
export function payload(name: string, body: string): string {
  return `<${name} xmlns:i="${XSI}" xmlns="${DROPSHIP}">${body}</${name}>`;
}

export interface OrderCreatedFields {
  orderId?: string;
  printableId?: string;
  items?: number;
}

/** An order-created payload with every field of api-reference §3.5. */
export function orderCreated({ orderId = 'order-1', printableId = '02146912', items = 1 }: OrderCreatedFields = {}): string {
  const item = (index: number) =>
    `<order-item><catalog-id>cat-${index}</catalog-id><description>Item ${index}</description>` +
    `<quantity>${index + 1}</quantity><selling-price>${index}9.50</selling-price><sku>SKU-${index}</sku></order-item>`;
  return payload(
    'order-created',
    `<items>${Array.from({ length: items }, (_, index) => item(index)).join('')}</items>` +
      `<order-id>${orderId}</order-id>` +
      '<seller><company-id>33772</company-id><location-id>33773</location-id>' +
      `<po-reference>ABC123N1</po-reference><printable-id>${printableId}</printable-id></seller>` +
      '<ship-to-store>false</ship-to-store>' +
      '<shipping-address><attention-to>Bob Eh</attention-to><notes i:nil="true"/><street-address-2/></shipping-address>' +
      '<shipping-method>123</shipping-method><supplier-id>60455</supplier-id>',
  );
}

export function orderStatusUpdated(orderId = 'order-1', status = 'Shipped'): string {
  return payload(
    'order-status-updated',
    '<company-id>50068</company-id><items><item-information><quantity>1</quantity><sku>SKU-0</sku>' +
      `<status>${status}</status><tracking-info>0012</tracking-info></item-information></items>` +
      `<order-id>${orderId}</order-id><supplier-id>60455</supplier-id>`,
  );
}

/** A stream that hands `text` over as UTF-8 bytes in chunks of `size` bytes (splitting characters). */
export function byteStream(text: string | Buffer, size: number): Readable {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) chunks.push(bytes.subarray(offset, offset + size));
  return Readable.from(chunks);
}

/**
 * A lazily produced stream of `prefix` followed by `filler` repeated `times` times; `pulled` tells
 * how many chunks the reader asked for, to prove that it stopped early.
 */
export function countingStream(prefix: string, filler: string, times: number): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  function* chunks(): Generator<Buffer> {
    pulled += 1;
    yield Buffer.from(prefix);
    for (let index = 0; index < times; index += 1) {
      pulled += 1;
      yield Buffer.from(filler);
    }
  }
  return { stream: Readable.from(chunks()), pulled: () => pulled };
}
