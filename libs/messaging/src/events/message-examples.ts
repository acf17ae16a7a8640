import { EVENT_TYPES, EventType } from '../topics';
import { EventOf } from './cloud-event';
import { STATUS_COMMAND_EXAMPLE, STATUS_RESULT_EXAMPLE } from './examples/command-examples';
import { ORDER_CREATED_EXAMPLE, ORDER_STATUS_UPDATED_EXAMPLE } from './examples/feed-examples';
import {
  ORDER_RECEIVED_EXAMPLE,
  ORDER_REJECTED_EXAMPLE,
  ORDER_STATUS_CONFIRMED_EXAMPLE,
} from './examples/order-examples';

export { EXAMPLE_ORDER_ID } from './examples/feed-examples';

/**
 * One realistic event of every type of the contract, as it appears on its topic. They are the
 * message examples of docs/asyncapi.yaml, and unit tests check them against the schemas; other
 * projects' tests may start from them (copy before changing: they are shared objects).
 */
export const MESSAGE_EXAMPLES: { readonly [K in EventType]: EventOf<K> } = {
  [EVENT_TYPES.orderCreated]: ORDER_CREATED_EXAMPLE,
  [EVENT_TYPES.orderStatusUpdated]: ORDER_STATUS_UPDATED_EXAMPLE,
  [EVENT_TYPES.orderReceived]: ORDER_RECEIVED_EXAMPLE,
  [EVENT_TYPES.orderStatusConfirmed]: ORDER_STATUS_CONFIRMED_EXAMPLE,
  [EVENT_TYPES.orderRejected]: ORDER_REJECTED_EXAMPLE,
  [EVENT_TYPES.statusCommand]: STATUS_COMMAND_EXAMPLE,
  [EVENT_TYPES.statusResult]: STATUS_RESULT_EXAMPLE,
};

/** A deep copy of the example of `type`, safe to change in a test. */
export function exampleEvent<K extends EventType>(type: K): EventOf<K> {
  return structuredClone(MESSAGE_EXAMPLES[type]) as EventOf<K>;
}
