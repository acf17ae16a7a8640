import { ATOM, DROPSHIP, XSI, entry, orderCreated, page, payload } from './__fixtures__/feed-fixtures';
import { FeedParseError } from './feed.errors';
import { parseFeedPage } from './feed-parser';

describe('parseFeedPage namespace handling', () => {
  it('reads a feed whose Atom elements all carry a prefix', async () => {
    // Given Atom bound to the prefix "a" and no default namespace
    const xml =
      `<a:feed xmlns:a="${ATOM}"><a:id>urn:uuid:p</a:id><a:link rel="self" href="https://x/self"/>` +
      `<a:entry><a:id>urn:uuid:e1</a:id><a:title>T</a:title><a:content>${orderCreated({ orderId: 'o-a' })}</a:content></a:entry>` +
      '</a:feed>';
    // When it is parsed
    const result = await parseFeedPage(xml);
    // Then header, links and the entry are read as with the default namespace
    expect(result.id).toBe('urn:uuid:p');
    expect(result.links.self).toBe('https://x/self');
    expect(result.entries.map((e) => [e.entryId, e.kind, e.orderId])).toEqual([['urn:uuid:e1', 'order-created', 'o-a']]);
  });

  it('reads a payload whose elements carry a prefix bound to the dropship namespace', async () => {
    // Given <d:order-created xmlns:d="urn:iQmetrix:dropship"> with prefixed children
    const body =
      `<d:order-created xmlns:d="${DROPSHIP}" xmlns:x="${XSI}"><d:items><d:order-item><d:quantity>2</d:quantity>` +
      '</d:order-item></d:items><d:order-id>o-d</d:order-id><d:notes x:nil="true"/></d:order-created>';
    // When it is parsed
    const { entries } = await parseFeedPage(page([entry('urn:uuid:e', body)]));
    // Then the keys are the local names, camelCased
    expect(entries[0].kind).toBe('order-created');
    expect(entries[0].data).toEqual({ items: [{ quantity: 2 }], orderId: 'o-d', notes: null });
  });

  it('follows default-namespace redeclarations down the tree', async () => {
    // Given a feed that redeclares the default namespace on content and back on a nested element
    const xml =
      `<feed xmlns="${ATOM}"><entry><id>urn:uuid:e</id>` +
      `<content xmlns="${ATOM}"><order-status-updated xmlns="${DROPSHIP}"><order-id>o-1</order-id></order-status-updated></content>` +
      `<title xmlns="${ATOM}">Status</title></entry></feed>`;
    // When it is parsed
    const { entries } = await parseFeedPage(xml);
    // Then each element is matched by the namespace in scope at that point
    expect(entries[0]).toMatchObject({ kind: 'order-status-updated', orderId: 'o-1', title: 'Status' });
  });

  it('does not treat Atom-looking elements in another namespace as Atom', async () => {
    // Given an <entry> in no namespace inside an Atom feed
    const xml = `<feed xmlns="${ATOM}"><id>urn:uuid:p</id><entry xmlns=""><id>x</id></entry></feed>`;
    // When it is parsed
    const result = await parseFeedPage(xml);
    // Then it is not an entry (and not an issue either: it is not part of the Atom structure)
    expect(result.entries).toEqual([]);
    expect(result.issues).toEqual([]);
  });

  it.each([
    ['i', 'i'],
    ['xsi', 'xsi'],
    ['foo', 'foo'],
  ])('treats %s:nil bound to the XML Schema instance namespace as null', async (prefix) => {
    // Given a nil attribute whose prefix is bound to the xsi namespace
    const body = `<order-created xmlns="${DROPSHIP}" xmlns:${prefix}="${XSI}"><order-id>o</order-id><notes ${prefix}:nil="true"/></order-created>`;
    // When it is parsed
    const { entries } = await parseFeedPage(page([entry('urn:uuid:e', body)]));
    // Then the element is null
    expect(entries[0].data['notes']).toBeNull();
  });

  it('does not treat a nil attribute in another namespace, or without one, as xsi:nil', async () => {
    // Given nil attributes that are not in the xsi namespace
    const body =
      `<order-created xmlns="${DROPSHIP}" xmlns:i="urn:not-xsi"><order-id>o</order-id>` +
      '<notes i:nil="true"/><phone nil="true"/></order-created>';
    // When it is parsed
    const { entries } = await parseFeedPage(page([entry('urn:uuid:e', body)]));
    // Then they are plain attributes (ignored) on empty elements
    expect(entries[0].data).toEqual({ orderId: 'o', notes: '', phone: '' });
  });

  it('accepts xsi:nil="1" and ignores xsi:nil="false"', async () => {
    // Given the other lexical forms of xs:boolean
    const body = payload('order-created', '<order-id>o</order-id><a i:nil="1"/><b i:nil="false">kept</b>');
    // When it is parsed
    const { entries } = await parseFeedPage(page([entry('urn:uuid:e', body)]));
    // Then "1" is nil and "false" is not
    expect(entries[0].data).toEqual({ orderId: 'o', a: null, b: 'kept' });
  });

  it('marks a payload outside the dropship namespace as unknown, keeping its data and raw text', async () => {
    // Given an order-created in no namespace and a new payload type in the dropship namespace
    const stray = entry('urn:uuid:1', '<order-created><order-id>o-1</order-id></order-created>');
    const future = entry('urn:uuid:2', payload('order-cancelled', '<order-id>o-2</order-id><reason>late</reason>'));
    // When they are parsed
    const { entries, issues } = await parseFeedPage(page([stray, future]));
    // Then both are entries of kind unknown with their data and exact source
    expect(issues).toEqual([]);
    expect(entries.map((e) => [e.kind, e.orderId, e.data])).toEqual([
      ['unknown', 'o-1', { orderId: 'o-1' }],
      ['unknown', 'o-2', { orderId: 'o-2', reason: 'late' }],
    ]);
    expect(entries[1].rawXml).toBe(future);
  });

  it.each([
    ['a root in no namespace', '<feed><id>x</id></feed>'],
    ['an Atom entry as root', `<entry xmlns="${ATOM}"><id>x</id></entry>`],
    ['an RSS document', '<rss version="2.0"><channel/></rss>'],
  ])('rejects %s as not an Atom feed', async (_case, xml) => {
    // Given a well-formed document that is not an Atom feed
    // When it is parsed
    const parsing = parseFeedPage(xml);
    // Then the page is refused with a code saying why
    await expect(parsing).rejects.toBeInstanceOf(FeedParseError);
    await expect(parsing).rejects.toMatchObject({ code: 'FEED.NOT_ATOM_FEED', retriable: false });
  });

  it('rejects an element with an unbound prefix as malformed', async () => {
    // Given a payload using a prefix that no xmlns declares
    const xml = page([entry('urn:uuid:e', '<d:order-created><d:order-id>o</d:order-id></d:order-created>')]);
    // When it is parsed
    // Then the page is not namespace-well-formed
    await expect(parseFeedPage(xml)).rejects.toMatchObject({ code: 'FEED.MALFORMED_PAGE' });
  });
});
