import { ATOM, entry, orderCreated, orderStatusUpdated, page } from './__fixtures__/feed-fixtures';
import { parseFeedPage } from './feed-parser';

const withHeader = (header: string, entries: string[] = []) => `<feed xmlns="${ATOM}">${header}${entries.join('')}</feed>`;

describe('parseFeedPage page structure', () => {
  it('maps the archive rels and keeps unknown rels with their href', async () => {
    // Given every rel the feed uses plus some it does not
    const xml = withHeader(
      '<link rel="self" href="https://d/p(2)"/><link rel="current" href="https://d/n"/>' +
        '<link rel="prev-archive" href="https://d/p(1)"/><link rel="next-archive" href="https://d/p(3)"/>' +
        '<link rel="via" href="https://d/via"/><link href="https://d/alt"/><link rel="first" href="/relative"/>',
    );
    // When it is parsed
    const { links } = await parseFeedPage(xml);
    // Then named rels are fields, others are kept in order, hrefs untouched (no resolution)
    expect(links).toEqual({
      self: 'https://d/p(2)',
      current: 'https://d/n',
      prevArchive: 'https://d/p(1)',
      nextArchive: 'https://d/p(3)',
      other: [
        { rel: 'via', href: 'https://d/via' },
        { rel: 'alternate', href: 'https://d/alt' },
        { rel: 'first', href: '/relative' },
      ],
    });
  });

  it('accepts registered rels written as IANA IRIs or in another case', async () => {
    // Given rels in their IRI form and upper case
    const xml = withHeader(
      '<link rel="http://www.iana.org/assignments/relation/prev-archive" href="https://d/older"/><link rel="SELF" href="https://d/me"/>',
    );
    // When it is parsed
    const { links } = await parseFeedPage(xml);
    // Then they map like the short forms
    expect(links).toMatchObject({ prevArchive: 'https://d/older', self: 'https://d/me', other: [] });
  });

  it('keeps the first link of a named rel and the repeats under other', async () => {
    // Given two self links
    const xml = withHeader('<link rel="self" href="https://d/a"/><link rel="self" href="https://d/b"/>');
    // When it is parsed
    const { links } = await parseFeedPage(xml);
    // Then the first wins and the second is not lost
    expect(links).toEqual({ self: 'https://d/a', other: [{ rel: 'self', href: 'https://d/b' }] });
  });

  it('ignores links without href, links outside Atom and links inside entries', async () => {
    // Given links the feed header must not take
    const xml = withHeader('<link rel="self"/><x:link xmlns:x="urn:other" rel="prev-archive" href="https://d/x"/>', [
      entry('urn:uuid:e', orderCreated()).replace('<content', '<link rel="prev-archive" href="https://d/entry"/><content'),
    ]);
    // When it is parsed
    const { links, entries } = await parseFeedPage(xml);
    // Then the header has no links, and the entry is still read
    expect(links).toEqual({ other: [] });
    expect(entries).toHaveLength(1);
  });

  it('reads an empty feed with no entries and no links', async () => {
    // Given the smallest valid page
    const xml = `<feed xmlns="${ATOM}"/>`;
    // When it is parsed
    const result = await parseFeedPage(xml);
    // Then everything is empty, nothing is invented
    expect(result).toEqual({ id: null, title: null, updated: null, links: { other: [] }, entries: [], issues: [] });
  });

  it('reads a current page without a prev-archive link (the first page ever)', async () => {
    // Given a page with entries and only self and current links
    const xml = withHeader('<id>urn:uuid:p</id><link rel="self" href="https://d/p"/><link rel="current" href="https://d/n"/>', [
      entry('urn:uuid:e', orderCreated()),
    ]);
    // When it is parsed
    const { links, entries } = await parseFeedPage(xml);
    // Then prevArchive is absent rather than empty
    expect(links).toEqual({ self: 'https://d/p', current: 'https://d/n', other: [] });
    expect(entries).toHaveLength(1);
  });

  it('ignores unknown feed-level and entry-level elements', async () => {
    // Given generator, author, category and foreign elements around the known ones
    const xml = withHeader('<generator>iQ</generator><author><name>iQmetrix</name><id>not-the-feed-id</id></author><id>urn:uuid:p</id>', [
      entry('urn:uuid:e', orderCreated()).replace('<content', '<category term="x"/><ext:flag xmlns:ext="urn:ext">1</ext:flag><content'),
    ]);
    // When it is parsed
    const result = await parseFeedPage(xml);
    // Then the feed id is the feed's own and the entry is read
    expect(result.id).toBe('urn:uuid:p');
    expect(result.entries[0]).toMatchObject({ entryId: 'urn:uuid:e', kind: 'order-created' });
  });

  it('reads a full page of 50 entries in document order', async () => {
    // Given 50 entries alternating between the two kinds, newest first
    const entries = Array.from({ length: 50 }, (_, index) =>
      index % 2 === 0
        ? entry(`urn:uuid:${50 - index}`, orderCreated({ orderId: `o-${50 - index}`, items: 1 + (index % 4) }))
        : entry(`urn:uuid:${50 - index}`, orderStatusUpdated(`o-${50 - index}`), 'Dropship Order Status Updated'),
    );
    // When the page is parsed
    const result = await parseFeedPage(page(entries));
    // Then all 50 are there, in order, with their kinds and item counts
    expect(result.issues).toEqual([]);
    expect(result.entries.map((e) => e.entryId)).toEqual(entries.map((_, index) => `urn:uuid:${50 - index}`));
    expect(result.entries.map((e) => e.rawXml)).toEqual(entries);
    const itemCounts = result.entries.map((e) => (e.data['items'] as unknown[]).length);
    expect(itemCounts.slice(0, 4)).toEqual([1, 1, 3, 1]);
    expect(result.entries.filter((e) => e.kind === 'order-status-updated')).toHaveLength(25);
  });

  it('keeps a printable-id with a leading zero and converts the number fields', async () => {
    // Given an order whose printable id starts with 0
    const xml = page([entry('urn:uuid:e', orderCreated({ printableId: '02146912', items: 2 }))]);
    // When it is parsed
    const { entries } = await parseFeedPage(xml);
    // Then the id is the exact string and prices, quantities and ids are numbers
    expect(entries[0].data['seller']).toEqual({ companyId: 33772, locationId: 33773, poReference: 'ABC123N1', printableId: '02146912' });
    expect(entries[0].data['items']).toEqual([
      { catalogId: 'cat-0', description: 'Item 0', quantity: 1, sellingPrice: 9.5, sku: 'SKU-0' },
      { catalogId: 'cat-1', description: 'Item 1', quantity: 2, sellingPrice: 19.5, sku: 'SKU-1' },
    ]);
    expect(entries[0].data['supplierId']).toBe(60455);
  });
});
