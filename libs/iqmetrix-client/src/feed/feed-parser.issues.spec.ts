import { ATOM, entry, orderCreated, orderStatusUpdated, page, payload } from './__fixtures__/feed-fixtures';
import { parseFeedPage } from './feed-parser';
import { OVERSIZED_RAW_PREFIX_CHARS } from './feed-session';

const good = (n: number) => entry(`urn:uuid:good-${n}`, orderCreated({ orderId: `o-${n}` }));

describe('parseFeedPage entries it cannot read', () => {
  it.each([
    ['an entry without id', `<entry><content>${orderCreated()}</content></entry>`, undefined, 'entry has no Atom id'],
    ['an entry with an empty id', `<entry><id> </id><content>${orderCreated()}</content></entry>`, undefined, 'entry has no Atom id'],
    ['an entry without content', '<entry><id>urn:uuid:x</id></entry>', 'urn:uuid:x', 'entry has no content element'],
    ['content without payload', '<entry><id>urn:uuid:x</id><content type="text">hello</content></entry>', 'urn:uuid:x', 'entry content holds no payload element'],
    [
      'two payloads in one content',
      `<entry><id>urn:uuid:x</id><content>${orderCreated()}${orderStatusUpdated()}</content></entry>`,
      'urn:uuid:x',
      'entry content holds 2 payload elements; exactly one is expected',
    ],
    ['order-created without order-id', entry('urn:uuid:x', payload('order-created', '<items/>')), 'urn:uuid:x', 'order-created has no order-id'],
    [
      'order-status-updated with a nil order-id',
      entry('urn:uuid:x', payload('order-status-updated', '<order-id i:nil="true"/>')),
      'urn:uuid:x',
      'order-status-updated has no order-id',
    ],
    ['an empty payload', entry('urn:uuid:x', payload('order-created', '')), 'urn:uuid:x', 'order-created has no fields'],
    [
      'a number field that is not a number',
      entry('urn:uuid:x', payload('order-created', '<order-id>o</order-id><supplier-id>sixty</supplier-id>')),
      'urn:uuid:x',
      'order-created/supplier-id is not a number: "sixty"',
    ],
  ])('reports %s as an issue and reads the entries around it', async (_case, bad, entryId, reason) => {
    // Given a malformed entry between two good ones
    const xml = page([good(1), bad, good(2)]);
    // When the page is parsed
    const result = await parseFeedPage(xml);
    // Then the good entries are read in order and the bad one is an issue with its source text
    expect(result.entries.map((e) => e.orderId)).toEqual(['o-1', 'o-2']);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ rawXml: bad, reason });
    expect(result.issues[0].entryId).toBe(entryId);
  });

  it('lists every reason an entry fails, separated by semicolons', async () => {
    // Given an entry with no id and two bad numbers
    const bad = `<entry><content>${payload('order-created', '<order-id>o</order-id><quantity>x</quantity><company-id>1.2.3</company-id>')}</content></entry>`;
    // When the page is parsed
    const { issues } = await parseFeedPage(page([bad]));
    // Then the reason names all three problems
    expect(issues[0].reason).toBe(
      'entry has no Atom id; order-created/quantity is not a number: "x"; order-created/company-id is not a number: "1.2.3"',
    );
  });

  it('gives the position of the entry that failed', async () => {
    // Given a bad entry on the third line of a page
    const xml = `<feed xmlns="${ATOM}">\n<id>p</id>\n  <entry><id>urn:uuid:x</id></entry>\n</feed>`;
    // When the page is parsed
    const { issues } = await parseFeedPage(xml);
    // Then the issue points at its start tag (offset of "<", line, column of ">")
    expect(issues[0].position).toEqual({ offset: xml.indexOf('<entry>'), line: 3, column: 9 });
  });

  it('turns an entry over maxEntryBytes into an issue with the start of its source', async () => {
    // Given a page whose middle entry holds a long note
    const big = entry('urn:uuid:big', payload('order-created', `<order-id>o</order-id><notes>${'é'.repeat(40_000)}</notes>`));
    const xml = page([good(1), big, good(2)]);
    // When it is parsed with a limit the note's bytes (not its characters) exceed
    const result = await parseFeedPage(xml, { maxEntryBytes: 60_000 });
    // Then the big entry is an issue that still names its id, and the others are read
    expect(result.entries.map((e) => e.orderId)).toEqual(['o-1', 'o-2']);
    expect(result.issues[0]).toMatchObject({
      entryId: 'urn:uuid:big',
      reason: 'entry exceeds maxEntryBytes',
      rawXmlTruncated: true,
    });
    expect(big.startsWith(result.issues[0].rawXml)).toBe(true);
  });

  it('stops keeping an oversized entry once it is past the limit, however long it gets', async () => {
    // Given an entry of about 3 MB against a 100 kB limit
    const huge = entry('urn:uuid:huge', payload('order-created', `<order-id>o</order-id><notes>${'x'.repeat(3_000_000)}</notes>`));
    // When the page is parsed
    const { issues, entries } = await parseFeedPage(page([huge, good(1)]), { maxEntryBytes: 100_000 });
    // Then only a bounded prefix of it is kept in the issue
    expect(entries).toHaveLength(1);
    expect(issues[0].rawXml.length).toBeLessThanOrEqual(OVERSIZED_RAW_PREFIX_CHARS);
    expect(issues[0].rawXmlTruncated).toBe(true);
  });

  it('reads an entry exactly at maxEntryBytes', async () => {
    // Given an entry and a limit equal to its size in bytes
    const exact = good(1);
    // When the page is parsed
    const { entries, issues } = await parseFeedPage(page([exact]), { maxEntryBytes: Buffer.byteLength(exact) });
    // Then it is an entry, not an issue
    expect(issues).toEqual([]);
    expect(entries).toHaveLength(1);
  });
});
