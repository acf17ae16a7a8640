import { EVENT_TYPES, EventType } from '../topics';
import { ORDER_CREATED_DATA_SCHEMA, OrderCreatedData } from './order-created.schema';
import { ORDER_RECEIVED_DATA_SCHEMA, OrderReceivedData } from './order-received.schema';
import { ORDER_REJECTED_DATA_SCHEMA, OrderRejectedData } from './order-rejected.schema';
import { ORDER_STATUS_CONFIRMED_DATA_SCHEMA, OrderStatusConfirmedData } from './order-status-confirmed.schema';
import { ORDER_STATUS_UPDATED_DATA_SCHEMA, OrderStatusUpdatedData } from './order-status-updated.schema';
import { STATUS_COMMAND_DATA_SCHEMA, StatusCommandData } from './status-command.schema';
import { STATUS_RESULT_DATA_SCHEMA, StatusResultData } from './status-result.schema';

/** The TypeScript type of `data` for each event type. */
export interface EventDataMap {
  [EVENT_TYPES.orderCreated]: OrderCreatedData;
  [EVENT_TYPES.orderStatusUpdated]: OrderStatusUpdatedData;
  [EVENT_TYPES.orderReceived]: OrderReceivedData;
  [EVENT_TYPES.orderStatusConfirmed]: OrderStatusConfirmedData;
  [EVENT_TYPES.orderRejected]: OrderRejectedData;
  [EVENT_TYPES.statusCommand]: StatusCommandData;
  [EVENT_TYPES.statusResult]: StatusResultData;
}

/** The JSON Schema of `data` for each event type: the one source for validation and AsyncAPI. */
export const EVENT_DATA_SCHEMAS: Readonly<Record<EventType, object>> = {
  [EVENT_TYPES.orderCreated]: ORDER_CREATED_DATA_SCHEMA,
  [EVENT_TYPES.orderStatusUpdated]: ORDER_STATUS_UPDATED_DATA_SCHEMA,
  [EVENT_TYPES.orderReceived]: ORDER_RECEIVED_DATA_SCHEMA,
  [EVENT_TYPES.orderStatusConfirmed]: ORDER_STATUS_CONFIRMED_DATA_SCHEMA,
  [EVENT_TYPES.orderRejected]: ORDER_REJECTED_DATA_SCHEMA,
  [EVENT_TYPES.statusCommand]: STATUS_COMMAND_DATA_SCHEMA,
  [EVENT_TYPES.statusResult]: STATUS_RESULT_DATA_SCHEMA,
};
