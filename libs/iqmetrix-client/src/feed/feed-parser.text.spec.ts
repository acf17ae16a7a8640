import { Readable } from 'node:stream';
import { DROPSHIP, byteStream, entry, fixture, orderCreated, page, payload } from './__fixtures__/feed-fixtures';
import { parseFeedPage } from './feed-parser';

const oneEntry = (body: string) => page([entry('urn:uuid:e', payload('order-created', `<order-id>o</order-id>${body}`))]);

describe('parseFeedPage text handling', () => {
  it('reads CDATA as text, next to ordinary text', async () => {
    // Given values in CDATA sections, one with markup-like characters
    const xml = oneEntry('<notes><![CDATA[<b>ring & wait</b>]]></notes><message>a <![CDATA[b]]> c</message>');
    // When it is parsed
    const { entries } = await parseFeedPage(xml);
    // Then CDATA contributes its characters verbatim
    expect(entries[0].data).toMatchObject({ notes: '<b>ring & wait</b>', message: 'a b c' });
  });

  it('expands the five predefined entities and character references', async () => {
    // Given escaped names and numeric references (decimal and hex, BMP and beyond)
    const xml = oneEntry(
      '<family-name>Smith &amp; Sons &lt;&gt;&quot;&apos;</family-name><locality>Qu&#233;bec</locality>' +
        '<region>&#x4E2D;&#x1F600;</region>',
    );
    // When it is parsed
    const { entries } = await parseFeedPage(xml);
    // Then each becomes its character
    expect(entries[0].data).toMatchObject({ familyName: 'Smith & Sons <>"\'', locality: 'Québec', region: '中😀' });
  });

  it('keeps non-ASCII text and element names', async () => {
    // Given accented, German and CJK values, and an unknown element with a non-ASCII name
    const xml = oneEntry(
      '<attention-to>Amélie Müller</attention-to><locality>東京</locality><straße-name>Königsallee</straße-name><備考>至急</備考>',
    );
    // When it is parsed
    const { entries } = await parseFeedPage(xml);
    // Then text is intact and names are camelCased around the non-ASCII letters
    expect(entries[0].data).toEqual({
      orderId: 'o',
      attentionTo: 'Amélie Müller',
      locality: '東京',
      straßeName: 'Königsallee',
      備考: '至急',
    });
  });

  it('gives the same data whatever the whitespace between elements', async () => {
    // Given the same entry compact and spread over lines with tabs and CRLFs
    const compact = page([entry('urn:uuid:e', orderCreated({ items: 2 }))]);
    const spread = compact.replace(/></g, '>\r\n\t  \n<');
    // When both are parsed
    const [tight, loose] = await Promise.all([parseFeedPage(compact), parseFeedPage(spread)]);
    // Then data and metadata are equal; only rawXml differs
    const strip = ({ rawXml: _raw, ...rest }: { rawXml: string }) => rest;
    expect(loose.entries.map(strip)).toEqual(tight.entries.map(strip));
    expect(loose.entries[0].rawXml).not.toBe(tight.entries[0].rawXml);
  });

  it('reports line breaks inside values as LF, as XML requires', async () => {
    // Given values with CRLF and a lone CR, in text and in CDATA
    const xml = oneEntry('<notes>line 1\r\nline 2\rline 3</notes><message><![CDATA[a\r\nb]]></message>');
    // When it is parsed
    const { entries } = await parseFeedPage(xml);
    // Then each line break is a single LF, while rawXml keeps the source bytes
    expect(entries[0].data).toMatchObject({ notes: 'line 1\nline 2\nline 3', message: 'a\nb' });
    expect(entries[0].rawXml).toContain('line 1\r\nline 2\rline 3');
  });

  it('trims whitespace around Atom ids and dates, and links', async () => {
    // Given Atom values written on their own lines
    const xml =
      '<feed xmlns="http://www.w3.org/2005/Atom">\n  <id>\n   urn:uuid:p\n  </id>\n' +
      '  <link rel=" self " href="  https://x/p  "/>\n' +
      `  <entry>\n <id>\n  urn:uuid:e \n</id>\n <updated> 2024-01-01T00:00:00Z </updated>\n` +
      `  <content>\n ${payload('order-created', '<order-id>o</order-id>')} \n</content>\n </entry>\n</feed>\n`;
    // When it is parsed
    const result = await parseFeedPage(xml);
    // Then the identifiers are usable as they are
    expect(result.id).toBe('urn:uuid:p');
    expect(result.links.self).toBe('https://x/p');
    expect(result.entries[0]).toMatchObject({ entryId: 'urn:uuid:e', updated: '2024-01-01T00:00:00Z' });
  });

  it('reads a Buffer that starts with a UTF-8 byte order mark', async () => {
    // Given the guide example as bytes behind a BOM
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('guide-example.xml')]);
    // When it is parsed
    const result = await parseFeedPage(withBom);
    // Then the BOM is not content and rawXml is still exact
    expect(result.entries).toHaveLength(2);
    expect(result.entries[0].rawXml.startsWith('<entry>')).toBe(true);
    expect(result.entries[0].rawXml.endsWith('</entry>')).toBe(true);
  });

  it('reads the same page from a string, a Buffer, a Uint8Array and a stream split inside characters', async () => {
    // Given a page with multi-byte characters, and a stream cutting it every 3 bytes
    const xml = oneEntry('<attention-to>Zoë 東京 😀</attention-to>');
    const bytes = Buffer.from(xml, 'utf8');
    // When each form is parsed
    const results = await Promise.all([
      parseFeedPage(xml),
      parseFeedPage(bytes),
      parseFeedPage(new Uint8Array(bytes)),
      parseFeedPage(byteStream(bytes, 3)),
      parseFeedPage(Readable.from([xml.slice(0, 50), xml.slice(50)])),
    ]);
    // Then all agree, rawXml included
    for (const result of results.slice(1)) expect(result).toEqual(results[0]);
    expect(results[0].entries[0].data['attentionTo']).toBe('Zoë 東京 😀');
  });

  it('cuts rawXml exactly even when an entry spans many small chunks', async () => {
    // Given three entries streamed 7 bytes at a time
    const entries = [1, 2, 3].map((n) => entry(`urn:uuid:${n}`, orderCreated({ orderId: `o-${n}`, items: n })));
    const xml = page(entries);
    // When the stream is parsed
    const result = await parseFeedPage(byteStream(xml, 7));
    // Then each rawXml equals its source text
    expect(result.entries.map((e) => e.rawXml)).toEqual(entries);
  });

  it('ignores attributes on payload elements other than xsi:nil', async () => {
    // Given attributes the reference does not define
    const xml = page([entry('urn:uuid:e', `<order-created xmlns="${DROPSHIP}" version="2"><order-id type="guid">o</order-id></order-created>`)]);
    // When it is parsed
    const { entries } = await parseFeedPage(xml);
    // Then they do not appear in the data (they remain in rawXml)
    expect(entries[0].data).toEqual({ orderId: 'o' });
    expect(entries[0].rawXml).toContain('type="guid"');
  });
});
