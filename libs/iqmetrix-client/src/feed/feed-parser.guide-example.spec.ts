import { fixture } from './__fixtures__/feed-fixtures';
import { parseFeedPage } from './feed-parser';

describe('parseFeedPage on the integration guide example', () => {
  const source = fixture('guide-example.xml');

  it('reads the feed-level fields and archive links', async () => {
    // Given the guide's example response
    // When it is parsed
    const page = await parseFeedPage(source);
    // Then the header and the RFC 5005 links are there
    expect(page.id).toBe('urn:uuid:4bd4ce6a-3f6e-4d3b-9b8c-1b7c1a0f2e10');
    expect(page.title).toBe('Dropship Order Event Feed');
    expect(page.updated).toBe('2015-10-23T21:37:34Z');
    expect(page.links).toEqual({
      current: 'https://dropship.iqmetrix.net/v1/Suppliers(60455)/Notifications',
      self: 'https://dropship.iqmetrix.net/v1/Suppliers(60455)/Notifications/Pages(4bd4ce6a-3f6e-4d3b-9b8c-1b7c1a0f2e10)',
      prevArchive: 'https://dropship.iqmetrix.net/v1/Suppliers(60455)/Notifications/Pages(0c1a54f4-8d2e-4c55-a0f4-5f7f2d9e6b31)',
      other: [],
    });
    expect(page.issues).toEqual([]);
  });

  it('reads both entries in document order with their kind, ids and Atom metadata', async () => {
    // Given the guide's example response
    // When it is parsed
    const { entries } = await parseFeedPage(source);
    // Then the order-created entry comes first (newest first), then the status update
    expect(entries.map(({ data: _data, rawXml: _raw, ...meta }) => meta)).toEqual([
      {
        entryId: 'urn:uuid:9e5a279b-9583-4d51-b3fa-00d0d146986a',
        title: 'Dropship Order Created',
        published: '2015-10-23T21:37:31Z',
        updated: '2015-10-23T21:37:31Z',
        kind: 'order-created',
        orderId: '32cb2b46-fb26-48c8-9b8f-67ed759e2599',
      },
      {
        entryId: 'urn:uuid:gf456fd486-df4s56g-d45fdsf-f74ds8fds456fs',
        title: 'Dropship Order Status Updated',
        published: '2015-10-09T15:36:45Z',
        updated: '2015-10-09T15:36:45Z',
        kind: 'order-status-updated',
        orderId: '32cb2b46-fb26-48c8-9b8f-67ed759e2599',
      },
    ]);
  });

  it('converts the order-created payload by the contract rules', async () => {
    // Given the guide's order-created entry
    // When it is parsed
    const { entries } = await parseFeedPage(source);
    // Then every field is there, camelCased, with numbers, nulls and exact strings
    expect(entries[0].data).toEqual({
      items: [
        { catalogId: '18e039de-f950-4d8e-a48a-d06e4db55a07', description: 'Some Item', quantity: 1, sellingPrice: 100, sku: 'AB-JH0786-MI' },
        { catalogId: '5c6f0d3e-2a1b-4c8d-9e7f-0a1b2c3d4e5f', description: 'Screen Protector', quantity: 2, sellingPrice: 19.99, sku: 'SP-00412-CL' },
      ],
      orderId: '32cb2b46-fb26-48c8-9b8f-67ed759e2599',
      seller: { companyId: 33772, locationId: 33773, poReference: 'ABC123N1', printableId: '98764531' },
      shipToStore: 'true',
      shippingAddress: {
        addressId: 'sdf456ds4f56-df50-0d0f-4590-978ds4g41d',
        attentionTo: 'Bob Eh',
        country: 'Canada',
        countryCode: 'CA',
        locality: 'Saskatoon',
        notes: null,
        phone: '555-555-5555',
        postOfficeBoxNumber: null,
        postalCode: 'S6J1N2',
        region: 'Saskatchewan',
        regionCode: 'SK',
        streetAddress1: '123 Main Street',
        streetAddress2: '',
        type: 'Home',
      },
      shippingCustomer: {
        customerId: '3da9470e-f1b2-4a1a-bd47-5bf18fe2d1ab',
        alternateName: null,
        familyName: 'Eh',
        middleName: null,
        notes: null,
        primaryName: 'Bob',
        title: 'Mr.',
        type: 'Person',
      },
      shippingMethod: '123',
      supplierId: 60455,
    });
  });

  it('converts the order-status-updated payload by the contract rules', async () => {
    // Given the guide's order-status-updated entry
    // When it is parsed
    const { entries } = await parseFeedPage(source);
    // Then its items are item-information objects and its ids are numbers
    expect(entries[1].data).toEqual({
      companyId: 50068,
      items: [
        {
          catalogId: '18e039de-f950-4d8e-a48a-d06e4db55a07',
          info: 'www.purolator.com',
          message: 'Left the warehouse',
          quantity: 1,
          shippingProvider: 'Purolator',
          sku: 'AB-JH0786-MI',
          status: 'Shipped',
          trackingInfo: '9876074-sHIOR',
        },
      ],
      orderId: '32cb2b46-fb26-48c8-9b8f-67ed759e2599',
      supplierId: 60455,
    });
  });

  it('keeps each entry exact source text as rawXml', async () => {
    // Given the guide's example response as text
    const text = source.toString('utf8');
    // When it is parsed
    const { entries } = await parseFeedPage(source);
    // Then rawXml is the slice from <entry> to </entry>, byte for byte
    const firstStart = text.indexOf('<entry>');
    const firstEnd = text.indexOf('</entry>') + '</entry>'.length;
    expect(entries[0].rawXml).toBe(text.slice(firstStart, firstEnd));
    expect(entries[1].rawXml).toBe(text.slice(text.indexOf('<entry>', firstEnd), text.lastIndexOf('</entry>') + 8));
  });
});
