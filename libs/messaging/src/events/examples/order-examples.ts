import { EVENT_TYPES } from '../../topics';
import { EventOf } from '../cloud-event';
import { EXAMPLE_ORDER_ID, ORDER_CREATED_EXAMPLE, ORDER_STATUS_UPDATED_EXAMPLE } from './feed-examples';

/** The order-router's normalized form of ORDER_CREATED_EXAMPLE. */
export const ORDER_RECEIVED_EXAMPLE: EventOf<typeof EVENT_TYPES.orderReceived> = {
  specversion: '1.0',
  id: '0d8f5a7e-0c4b-4c49-a6a4-6f1d2c3b4a59',
  type: EVENT_TYPES.orderReceived,
  source: '/dropship-connector/order-router',
  time: '2015-10-23T21:37:31Z',
  subject: EXAMPLE_ORDER_ID,
  datacontenttype: 'application/json',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  data: {
    orderId: EXAMPLE_ORDER_ID,
    entryId: ORDER_CREATED_EXAMPLE.id,
    receivedAt: ORDER_CREATED_EXAMPLE.time,
    supplierId: 60455,
    shipToStore: true,
    shippingMethod: '123',
    seller: { companyId: 33772, locationId: 33773, poReference: 'ABC123N1', printableId: '02146912' },
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
    items: [
      {
        sku: 'AB-JH0786-MI',
        catalogId: '18e039de-f950-4d8e-a48a-d06e4db55a07',
        description: 'Some Item',
        quantity: 1,
        sellingPrice: 100,
      },
    ],
  },
};

/** The order-router's normalized form of ORDER_STATUS_UPDATED_EXAMPLE. */
export const ORDER_STATUS_CONFIRMED_EXAMPLE: EventOf<typeof EVENT_TYPES.orderStatusConfirmed> = {
  specversion: '1.0',
  id: '6a2d9c14-8e3f-4b7a-9c0d-1e2f3a4b5c6d',
  type: EVENT_TYPES.orderStatusConfirmed,
  source: '/dropship-connector/order-router',
  time: '2015-10-24T15:36:45Z',
  subject: EXAMPLE_ORDER_ID,
  datacontenttype: 'application/json',
  data: {
    orderId: EXAMPLE_ORDER_ID,
    entryId: ORDER_STATUS_UPDATED_EXAMPLE.id,
    confirmedAt: ORDER_STATUS_UPDATED_EXAMPLE.time,
    status: 'Shipped',
    companyId: 33772,
    supplierId: 60455,
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
        trackingNumbers: ['1Z863YY60392796356', '1Z863YY60393998'],
      },
    ],
    trackingNumbers: ['1Z863YY60392796356', '1Z863YY60393998'],
  },
};

/** A feed entry whose XML could not be parsed, as the feed-ingestor dead-letters it. */
export const ORDER_REJECTED_EXAMPLE: EventOf<typeof EVENT_TYPES.orderRejected> = {
  specversion: '1.0',
  id: '9b3c4d5e-6f70-4812-93a4-b5c6d7e8f901',
  type: EVENT_TYPES.orderRejected,
  source: '/dropship-connector/feed-ingestor',
  time: '2015-10-25T08:00:00.000Z',
  subject: 'urn:uuid:2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f',
  datacontenttype: 'application/json',
  data: {
    reason: 'quantity "one" of items/order-item[1] is not an integer',
    errorCode: 'FEED.UNPARSABLE_ENTRY',
    service: 'feed-ingestor',
    rejectedAt: '2015-10-25T08:00:00.000Z',
    orderId: null,
    source: { entryId: 'urn:uuid:2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f' },
    original:
      '<entry><id>urn:uuid:2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f</id><content type="application/xml"><order-created xmlns="urn:iQmetrix:dropship"><items><order-item><quantity>one</quantity></order-item></items></order-created></content></entry>',
    originalEncoding: 'utf-8',
  },
};
