import { EVENT_TYPES } from '../../topics';
import { EventOf } from '../cloud-event';
import { EXAMPLE_ORDER_ID } from './feed-examples';

/** An item-level shipment command from an internal service (the contract's example). */
export const STATUS_COMMAND_EXAMPLE: EventOf<typeof EVENT_TYPES.statusCommand> = {
  specversion: '1.0',
  id: 'c0a8012e-7d4b-4e2a-9f1c-3b5d7e9f1a2b',
  type: EVENT_TYPES.statusCommand,
  source: '/warehouse/shipping',
  time: '2015-10-24T14:00:00Z',
  subject: EXAMPLE_ORDER_ID,
  datacontenttype: 'application/json',
  data: {
    commandId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
    orderId: EXAMPLE_ORDER_ID,
    status: 'Shipped',
    trackingNumbers: ['1Z863YY60392796356'],
    shippingProvider: 'UPS',
    message: 'Left the warehouse',
    items: [
      {
        sku: 'AB-JH0786-MI',
        status: 'PartiallyShipped',
        quantity: 1,
        trackingNumbers: ['1Z863YY60393998'],
        shippingProvider: 'UPS',
        message: 'First of two boxes',
      },
    ],
  },
};

/** The status-publisher's answer once iQmetrix accepted STATUS_COMMAND_EXAMPLE. */
export const STATUS_RESULT_EXAMPLE: EventOf<typeof EVENT_TYPES.statusResult> = {
  specversion: '1.0',
  id: 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b',
  type: EVENT_TYPES.statusResult,
  source: '/dropship-connector/status-publisher',
  time: '2015-10-24T14:00:02.118Z',
  subject: EXAMPLE_ORDER_ID,
  datacontenttype: 'application/json',
  data: {
    commandId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
    orderId: EXAMPLE_ORDER_ID,
    outcome: 'delivered',
    iqmetrix: {
      status: 202,
      body: {
        Id: EXAMPLE_ORDER_ID,
        ItemInformation: [
          {
            Sku: 'AB-JH0786-MI',
            Status: 'PartiallyShipped',
            CatalogId: '18e039de-f950-4d8e-a48a-d06e4db55a07',
            Quantity: 1,
            TrackingInfo: '1Z863YY60392796356,1Z863YY60393998',
            ShippingProvider: 'UPS',
            Message: 'First of two boxes',
            Info: null,
          },
        ],
      },
    },
  },
};
