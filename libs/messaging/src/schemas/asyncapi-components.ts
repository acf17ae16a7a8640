import { ALL_EVENT_TYPES, EVENT_TYPES, EventType } from '../topics';
import { CLOUD_EVENT_SCHEMA } from './cloud-event.schema';
import { EVENT_DATA_SCHEMAS } from './event-data-schemas';

/** Name of the envelope under `components.schemas` of docs/asyncapi.yaml. */
export const ASYNCAPI_ENVELOPE_SCHEMA_NAME = 'CloudEventEnvelope';

/**
 * The name of each message under `components.messages` of docs/asyncapi.yaml; its data schema is
 * `components.schemas.<name>Data`.
 */
export const ASYNCAPI_MESSAGE_NAMES: Readonly<Record<EventType, string>> = {
  [EVENT_TYPES.orderCreated]: 'OrderCreated',
  [EVENT_TYPES.orderStatusUpdated]: 'OrderStatusUpdated',
  [EVENT_TYPES.orderReceived]: 'OrderReceived',
  [EVENT_TYPES.orderStatusConfirmed]: 'OrderStatusConfirmed',
  [EVENT_TYPES.orderRejected]: 'OrderRejected',
  [EVENT_TYPES.statusCommand]: 'StatusCommand',
  [EVENT_TYPES.statusResult]: 'StatusResult',
};

/**
 * Every schema docs/asyncapi.yaml must hold under `components.schemas`, by name: the envelope and
 * each message's data schema. A unit test compares the document with this, so they cannot drift.
 * After changing a schema, print the YAML to paste into the document with:
 * `SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register -e "process.stdout.write(require('yaml').stringify(require('./libs/messaging/src/schemas').asyncApiComponentSchemas(), { aliasDuplicateObjects: false }))"`
 */
export function asyncApiComponentSchemas(): Record<string, object> {
  const dataSchemas = ALL_EVENT_TYPES.map((type) => [`${ASYNCAPI_MESSAGE_NAMES[type]}Data`, EVENT_DATA_SCHEMAS[type]]);
  return { [ASYNCAPI_ENVELOPE_SCHEMA_NAME]: CLOUD_EVENT_SCHEMA, ...Object.fromEntries(dataSchemas) };
}
