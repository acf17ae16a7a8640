import { EVENT_TYPES } from '../../topics';
import { EventOf } from '../cloud-event';

/** The order of every example: the guide's sample order. */
export const EXAMPLE_ORDER_ID = '32cb2b46-fb26-48c8-9b8f-67ed759e2599';

/** An order-created entry as the feed-ingestor publishes it (the guide's sample, completed). */
export const ORDER_CREATED_EXAMPLE: EventOf<typeof EVENT_TYPES.orderCreated> = {
  specversion: '1.0',
  id: 'urn:uuid:9e5a279b-9583-4d51-b3fa-00d0d146986a',
  type: EVENT_TYPES.orderCreated,
  source: '/dropship-connector/feed-ingestor',
  time: '2015-10-23T21:37:31Z',
  subject: EXAMPLE_ORDER_ID,
  datacontenttype: 'application/json',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  data: {
    items: [
      {
        catalogId: '18e039de-f950-4d8e-a48a-d06e4db55a07',
        description: 'Some Item',
        quantity: 1,
        sellingPrice: 100,
        sku: 'AB-JH0786-MI',
      },
    ],
    orderId: EXAMPLE_ORDER_ID,
    seller: { companyId: 33772, locationId: 33773, poReference: 'ABC123N1', printableId: '02146912' },
    shipToStore: 'true',
    shippingAddress: {
      addressId: '00000000-0000-0000-0000-000000000000',
      attentionTo: 'Bob Eh',
      country: 'Canada',
      countryCode: 'CA',
      locality: 'Moose Jaw',
      notes: null,
      phone: '555-555-5555',
      postOfficeBoxNumber: null,
      postalCode: 'S6J1N2',
      region: 'Saskatchewan',
      regionCode: 'SK',
      streetAddress1: '1 Main Street',
      streetAddress2: null,
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
  },
};

/** An order-status-updated entry: iQmetrix's echo of a shipment with two tracking numbers. */
export const ORDER_STATUS_UPDATED_EXAMPLE: EventOf<typeof EVENT_TYPES.orderStatusUpdated> = {
  specversion: '1.0',
  id: 'urn:uuid:7c1e6f52-3a0b-4f8e-9d55-2b7f1c0a9e41',
  type: EVENT_TYPES.orderStatusUpdated,
  source: '/dropship-connector/feed-ingestor',
  time: '2015-10-24T15:36:45Z',
  subject: EXAMPLE_ORDER_ID,
  datacontenttype: 'application/json',
  data: {
    companyId: 33772,
    items: [
      {
        catalogId: '18e039de-f950-4d8e-a48a-d06e4db55a07',
        info: 'www.ups.com',
        message: null,
        quantity: 1,
        shippingProvider: 'UPS',
        sku: 'AB-JH0786-MI',
        status: 'Shipped',
        trackingInfo: '1Z863YY60392796356,1Z863YY60393998',
      },
    ],
    orderId: EXAMPLE_ORDER_ID,
    supplierId: 60455,
  },
};
