import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { assertValidEvent, MESSAGE_EXAMPLES } from '../events';
import { ALL_EVENT_TYPES, FIXED_TOPICS, SERVICE_NAMES, SERVICE_TOPICS, TOPIC_EVENT_TYPES } from '../topics';
import { ASYNCAPI_MESSAGE_NAMES, asyncApiComponentSchemas } from './asyncapi-components';
import { CLOUD_EVENT_SCHEMA } from './cloud-event.schema';
import { EVENT_DATA_SCHEMAS } from './event-data-schemas';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const document: Node = parse(readFileSync(join(__dirname, '../../../../docs/asyncapi.yaml'), 'utf8'));

/** Follows a local `$ref` (`#/a/b`) through the document. */
function resolve(node: Node): Node {
  if (typeof node?.['$ref'] !== 'string') return node;
  const target = (node['$ref'] as string).replace(/^#\//, '').split('/').reduce<Node>((at, key) => at?.[key], document);
  if (target === undefined) throw new Error(`unresolved $ref ${node['$ref']}`);
  return resolve(target);
}

function allRefs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(allRefs);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' ? [String(value)] : allRefs(value)));
}

describe('docs/asyncapi.yaml', () => {
  it('is an AsyncAPI 3.1.0 document whose every $ref resolves', () => {
    // Given the document / When each $ref is followed / Then none dangles
    expect(document['asyncapi']).toBe('3.1.0');
    for (const ref of allRefs(document)) expect(() => resolve({ $ref: ref })).not.toThrow();
  });

  it('holds exactly the schemas of the code under components.schemas', () => {
    // Given the TypeScript schemas / When compared with the document's
    const inDocument = document['components']['schemas'];

    // Then each is deep-equal, so the two cannot drift (see asyncapi-components.ts to regenerate)
    for (const [name, schema] of Object.entries(asyncApiComponentSchemas())) {
      expect({ name, schema: inDocument[name] }).toEqual({ name, schema: JSON.parse(JSON.stringify(schema)) });
    }
  });

  it.each(ALL_EVENT_TYPES)('describes %s with the envelope and the data schema of the code', (type) => {
    // Given the message of this type / When its payload is resolved
    const message = resolve(document['components']['messages'][ASYNCAPI_MESSAGE_NAMES[type]]);
    const [envelope, specific] = message['payload']['allOf'];

    // Then the envelope, the type and the data schema are the code's
    expect(resolve(envelope)).toEqual(JSON.parse(JSON.stringify(CLOUD_EVENT_SCHEMA)));
    expect(specific['properties']['type']['const']).toBe(type);
    expect(resolve(specific['properties']['data'])).toEqual(JSON.parse(JSON.stringify(EVENT_DATA_SCHEMAS[type])));
    expect(message['contentType']).toBe('application/cloudevents+json');
  });

  it.each(ALL_EVENT_TYPES)('gives %s an example that is the code example and meets the contract', (type) => {
    // Given the message's example / When compared and validated
    const message = resolve(document['components']['messages'][ASYNCAPI_MESSAGE_NAMES[type]]);
    const payload = message['examples'][0]['payload'];

    // Then it equals MESSAGE_EXAMPLES and passes the same checks as a real record
    expect(payload).toEqual(JSON.parse(JSON.stringify(MESSAGE_EXAMPLES[type])));
    expect(() => assertValidEvent(payload, { accept: [type] })).not.toThrow();
  });

  it('has a channel for each topic of the contract, carrying the types of TOPIC_EVENT_TYPES', () => {
    // Given the channels / When each fixed topic is looked up by address
    const channels = Object.values<Node>(document['channels']);
    for (const topic of FIXED_TOPICS) {
      const channel = channels.find((candidate) => candidate['address'] === topic);

      // Then it exists and lists the messages of its event types
      const messages = Object.values<Node>(channel?.['messages'] ?? {}).map(resolve);
      const types = messages.map((message) => message['payload']['allOf'][1]['properties']['type']['const']);
      expect({ topic, types }).toEqual({ topic, types: TOPIC_EVENT_TYPES[topic] });
    }
    expect(channels.map((channel) => channel['address'])).toContain('dropship.orders.{route}.v1');
  });

  it.each(SERVICE_NAMES)('lists the operations of %s as SERVICE_TOPICS does', (service) => {
    // Given the operations tagged with this service
    const operations = Object.values<Node>(document['operations']).filter((operation) =>
      operation['tags'].some((tag: Node) => tag['name'] === service),
    );
    const addresses = (action: string) =>
      operations.filter((operation) => operation['action'] === action).map((operation) => resolve(operation['channel'])['address']);

    // Then it sends to what the service writes and receives what it reads
    const usage = SERVICE_TOPICS[service];
    const routeChannel = usage.writesRouteTopics ? ['dropship.orders.{route}.v1'] : [];
    expect(addresses('send').sort()).toEqual([...usage.writes, ...routeChannel].sort());
    expect(addresses('receive').sort()).toEqual([...usage.reads].sort());
  });
});
