import { countingStream, entry, fixture, orderCreated, page } from './__fixtures__/feed-fixtures';
import { FeedParseError } from './feed.errors';
import { parseFeedPage, parseFeedStream } from './feed-parser';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<feed xmlns="http://www.w3.org/2005/Atom"><id>&lol9;</id></feed>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<feed xmlns="http://www.w3.org/2005/Atom"><id>&xxe;</id></feed>`;

async function rejection(parsing: Promise<unknown>): Promise<FeedParseError> {
  const error = await parsing.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof FeedParseError)) throw new Error(`expected a FeedParseError, got ${String(error)}`);
  return error;
}

describe('parseFeedPage pages it refuses', () => {
  it('refuses a truncated page with the line and column where it ended', async () => {
    // Given the guide example cut off in the middle of its second entry
    const text = fixture('guide-example.xml').toString('utf8');
    const cut = text.slice(0, text.indexOf('<tracking-info>'));
    // When it is parsed
    const error = await rejection(parseFeedPage(cut));
    // Then the page is malformed, located at its end, and not worth retrying as is
    expect(error).toMatchObject({ code: 'FEED.MALFORMED_PAGE', retriable: false });
    expect(error.line).toBe(cut.split('\n').length);
    expect(error.column).toBe(cut.length - cut.lastIndexOf('\n') - 1);
    expect(error.message).toMatch(/^Feed page rejected at line \d+, column \d+: /);
  });

  it('refuses mismatched tags where the mismatch is', async () => {
    // Given a closing tag that does not match on line 2
    const xml = '<feed xmlns="http://www.w3.org/2005/Atom">\n<id>x</title>\n</feed>';
    // When it is parsed
    const error = await rejection(parseFeedPage(xml));
    // Then the error names the problem and the line
    expect(error).toMatchObject({ code: 'FEED.MALFORMED_PAGE', line: 2 });
    expect(error.message).toContain('Unexpected close tag');
  });

  it.each([
    ['an empty body', ''],
    ['whitespace only', '  \n '],
    ['plain text', 'Service Unavailable'],
    ['text after the root element', '<feed xmlns="http://www.w3.org/2005/Atom"></feed>junk'],
    ['two root elements', '<feed xmlns="http://www.w3.org/2005/Atom"></feed><feed xmlns="http://www.w3.org/2005/Atom"/>'],
  ])('refuses %s as malformed', async (_case, body) => {
    // Given something that is not one well-formed XML document
    // When it is parsed
    // Then it is refused as malformed
    await expect(parseFeedPage(body)).rejects.toMatchObject({ code: 'FEED.MALFORMED_PAGE' });
  });

  it.each([
    ['an undeclared entity', '&xxe;'],
    ['an HTML entity', '&eacute;'],
    ['a reference to a character XML forbids', '&#0;'],
  ])('refuses %s instead of expanding it', async (_case, reference) => {
    // Given a value with an entity reference XML does not define
    const xml = page([entry('urn:uuid:e', orderCreated().replace('Bob Eh', `Bob ${reference}`))]);
    // When it is parsed
    // Then the page is malformed; nothing is looked up or expanded
    await expect(parseFeedPage(xml)).rejects.toMatchObject({ code: 'FEED.MALFORMED_PAGE' });
  });

  it.each([
    ['a billion-laughs document', BILLION_LAUGHS],
    ['an external-entity document', EXTERNAL_ENTITY],
    ['a bare DOCTYPE', '<!DOCTYPE feed><feed xmlns="http://www.w3.org/2005/Atom"/>'],
    ['a DOCTYPE inside the root element', '<feed xmlns="http://www.w3.org/2005/Atom"><!DOCTYPE x></feed>'],
  ])('refuses %s because it has a DTD', async (_case, xml) => {
    // Given a page carrying a document type declaration
    // When it is parsed, as text and as bytes
    // Then it is refused for its DTD before any entity is used
    await expect(parseFeedPage(xml)).rejects.toMatchObject({ code: 'FEED.DTD_FORBIDDEN', retriable: false });
    await expect(parseFeedPage(Buffer.from(xml))).rejects.toMatchObject({ code: 'FEED.DTD_FORBIDDEN' });
  });

  it('refuses a DTD as soon as it starts, without reading the rest of the stream', async () => {
    // Given a stream that opens a DTD and would send 640 MB of entity declarations
    const declaration = `<!ENTITY e "${'x'.repeat(65_000)}">`;
    const { stream, pulled } = countingStream('<?xml version="1.0"?><!DOCTYPE feed [', declaration, 10_000);
    // When it is parsed
    const error = await rejection(parseFeedStream(stream, { onEntry: () => undefined, onIssue: () => undefined }, { maxPageBytes: 1e12 }));
    // Then it stops within the first chunks
    expect(error.code).toBe('FEED.DTD_FORBIDDEN');
    expect(pulled()).toBeLessThanOrEqual(3);
  });

  it('refuses a page over maxPageBytes given whole, as text or bytes', async () => {
    // Given a page one byte over the limit (counted in UTF-8 bytes, not characters)
    const xml = page([entry('urn:uuid:é', orderCreated())]);
    const limit = Buffer.byteLength(xml) - 1;
    // When it is parsed
    // Then it is refused before parsing
    await expect(parseFeedPage(xml, { maxPageBytes: limit })).rejects.toMatchObject({ code: 'FEED.PAGE_TOO_LARGE' });
    await expect(parseFeedPage(Buffer.from(xml), { maxPageBytes: limit })).rejects.toMatchObject({ code: 'FEED.PAGE_TOO_LARGE' });
    await expect(parseFeedPage(xml, { maxPageBytes: limit + 1 })).resolves.toMatchObject({ issues: [] });
  });

  it('refuses a streamed page as soon as it passes maxPageBytes', async () => {
    // Given a stream of 10,000 chunks of 1 kB
    const { stream, pulled } = countingStream('<feed xmlns="http://www.w3.org/2005/Atom">', `<x>${'y'.repeat(1017)}</x>`, 10_000);
    // When it is parsed with a 100 kB limit
    const error = await rejection(parseFeedPage(stream, { maxPageBytes: 100_000 }));
    // Then it stops right after the chunk that crossed the limit
    expect(error.code).toBe('FEED.PAGE_TOO_LARGE');
    expect(pulled()).toBeLessThanOrEqual(100);
  });

  it('refuses bytes declared in an encoding other than UTF-8', async () => {
    // Given a Latin-1 declaration on a byte page
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><feed xmlns="http://www.w3.org/2005/Atom"/>';
    // When it is parsed
    // Then it is refused rather than decoded wrongly
    await expect(parseFeedPage(Buffer.from(xml, 'latin1'))).rejects.toMatchObject({ code: 'FEED.UNSUPPORTED_ENCODING' });
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('refuses maxPageBytes %p as an invalid option', async (value) => {
    // Given a limit that is not a positive integer
    // When a page is parsed with it
    // Then the call fails before reading
    await expect(parseFeedPage(page(), { maxPageBytes: value })).rejects.toMatchObject({ code: 'FEED.INVALID_OPTION' });
  });
});
