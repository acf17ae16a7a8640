// A synthetic but realistic order-feed corpus for the parse benchmark: the shape of the guide's
// example (api-reference §3.5/3.6), about 60 % order-created with 1-5 items and 40 %
// order-status-updated, nil fields, a few non-ASCII names and escaped characters.

const ATOM_HEADER = (entryCount: number) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Dropship Order Event Feed</title>
  <id>urn:uuid:4bd4ce6a-3f6e-4d3b-9b8c-1b7c1a0f2e10</id>
  <updated>2024-03-01T12:00:00Z</updated>
  <author><name>iQmetrix</name></author>
  <link rel="current" href="https://dropship.iqmetrix.net/v1/Suppliers(60455)/Notifications" />
  <link rel="self" href="https://dropship.iqmetrix.net/v1/Suppliers(60455)/Notifications/Pages(${entryCount})" />
  <link rel="prev-archive" href="https://dropship.iqmetrix.net/v1/Suppliers(60455)/Notifications/Pages(older)" />
`;
const ATOM_FOOTER = '</feed>\n';

const FIRST_NAMES = ['Bob', 'Amélie', 'Jürgen', 'Chloé', 'Sam', 'Noah', 'Olivia', 'Zoë', 'Liam', 'Maëlle'];
const FAMILY_NAMES = ['Eh', 'Tremblay', 'Müller', 'Nguyen', "O'Brien", 'Smith &amp; Sons', 'Gagnon', 'Wong'];
const CITIES = [['Saskatoon', 'Saskatchewan', 'SK'], ['Montréal', 'Québec', 'QC'], ['Calgary', 'Alberta', 'AB']];
const STATUSES = ['Ordered', 'Shipped', 'BackOrdered', 'PartiallyShipped', 'Cancelled', 'Other'];

/** Deterministic pseudo-random numbers (mulberry32), so every run parses the same bytes. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)];
  }

  guid(): string {
    const hex = () => this.int(0x10000).toString(16).padStart(4, '0');
    return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
  }
}

function entryXml(random: Random, index: number): string {
  const created = random.next() < 0.6;
  const stamp = new Date(Date.UTC(2024, 2, 1) - index * 37_000).toISOString().replace('.000', '');
  const payload = created ? orderCreated(random) : orderStatusUpdated(random);
  return `  <entry>
    <id>urn:uuid:${random.guid()}</id>
    <title type="text">${created ? 'Dropship Order Created' : 'Dropship Order Status Updated'}</title>
    <published>${stamp}</published>
    <updated>${stamp}</updated>
    <content type="application/xml">
${payload}
    </content>
  </entry>
`;
}

function orderCreated(random: Random): string {
  const items = Array.from({ length: 1 + random.int(5) }, () => orderItem(random)).join('');
  const [city, region, regionCode] = random.pick(CITIES);
  const first = random.pick(FIRST_NAMES);
  const family = random.pick(FAMILY_NAMES);
  return `      <order-created xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:iQmetrix:dropship">
        <items>${items}
        </items>
        <order-id>${random.guid()}</order-id>
        <seller>
          <company-id>${30000 + random.int(9000)}</company-id>
          <location-id>${30000 + random.int(9000)}</location-id>
          <po-reference>PO${random.int(1e6)}N1</po-reference>
          <printable-id>0${random.int(1e7)}</printable-id>
        </seller>
        <ship-to-store>${random.next() < 0.3}</ship-to-store>
        <shipping-address>
          <address-id>${random.guid()}</address-id>
          <attention-to>${first} ${family}</attention-to>
          <country>Canada</country>
          <country-code>CA</country-code>
          <locality>${city}</locality>
          <notes i:nil="true" />
          <phone>555-${100 + random.int(900)}-${1000 + random.int(9000)}</phone>
          <post-office-box-number i:nil="true" />
          <postal-code>S6J${random.int(10)}N${random.int(10)}</postal-code>
          <region>${region}</region>
          <region-code>${regionCode}</region-code>
          <street-address-1>${1 + random.int(9999)} Main Street</street-address-1>
          <street-address-2 />
          <type>Home</type>
        </shipping-address>
        <shipping-customer>
          <customer-id>${random.guid()}</customer-id>
          <alternate-name i:nil="true" />
          <family-name>${family}</family-name>
          <middle-name i:nil="true" />
          <notes i:nil="true" />
          <primary-name>${first}</primary-name>
          <title>Mr.</title>
          <type>Person</type>
        </shipping-customer>
        <shipping-method>${100 + random.int(400)}</shipping-method>
        <supplier-id>60455</supplier-id>
      </order-created>`;
}

function orderItem(random: Random): string {
  return `
          <order-item>
            <catalog-id>${random.guid()}</catalog-id>
            <description>Item ${random.int(1e5)} – case, black</description>
            <quantity>${1 + random.int(3)}</quantity>
            <selling-price>${random.int(50000) / 100}</selling-price>
            <sku>AB-JH${random.int(1e4)}-MI</sku>
          </order-item>`;
}

function orderStatusUpdated(random: Random): string {
  const items = Array.from({ length: 1 + random.int(3) }, () => itemInformation(random)).join('');
  return `      <order-status-updated xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:iQmetrix:dropship">
        <company-id>${50000 + random.int(9000)}</company-id>
        <items>${items}
        </items>
        <order-id>${random.guid()}</order-id>
        <supplier-id>60455</supplier-id>
      </order-status-updated>`;
}

function itemInformation(random: Random): string {
  return `
          <item-information>
            <catalog-id>${random.guid()}</catalog-id>
            <info>www.ups.com</info>
            <message i:nil="true" />
            <quantity>${1 + random.int(3)}</quantity>
            <shipping-provider>UPS</shipping-provider>
            <sku>AB-JH${random.int(1e4)}-MI</sku>
            <status>${random.pick(STATUSES)}</status>
            <tracking-info>1Z863YY6039${random.int(1e7)}</tracking-info>
          </item-information>`;
}

/** One page of `entryCount` entries, as UTF-8 bytes. */
export function buildPage(entryCount: number, seed = 42): Buffer {
  const random = new Random(seed);
  const parts = [ATOM_HEADER(entryCount)];
  for (let index = 0; index < entryCount; index += 1) parts.push(entryXml(random, index));
  parts.push(ATOM_FOOTER);
  return Buffer.from(parts.join(''), 'utf8');
}

/**
 * A page of at least `targetBytes`, produced lazily in chunks of about `chunkBytes` so that the page
 * itself is never in memory (the memory probe measures the parser, not the test data).
 */
export function* streamPage(targetBytes: number, chunkBytes = 64 * 1024, seed = 7): Generator<Buffer> {
  const random = new Random(seed);
  let pending = [ATOM_HEADER(0)];
  let pendingLength = pending[0].length;
  let produced = 0;
  for (let index = 0; produced + pendingLength < targetBytes; index += 1) {
    const entry = entryXml(random, index);
    pending.push(entry);
    pendingLength += entry.length;
    if (pendingLength >= chunkBytes) {
      const chunk = Buffer.from(pending.join(''), 'utf8');
      produced += chunk.length;
      yield chunk;
      pending = [];
      pendingLength = 0;
    }
  }
  pending.push(ATOM_FOOTER);
  yield Buffer.from(pending.join(''), 'utf8');
}
