import { EVENT_TYPES, EventType, FixedTopic, MESSAGE_EXAMPLES, routeTopic, TOPIC_EVENT_TYPES, toKafkaMessage } from '@dropship/messaging';
import { join } from 'path';
import { AsyncApiRecordChecker, RecordToCheck } from './asyncapi-records';

const checker = new AsyncApiRecordChecker(join(__dirname, '../../../docs/asyncapi.yaml'));

function recordOf(topic: string, event: unknown): RecordToCheck {
  const message = toKafkaMessage(event as (typeof MESSAGE_EXAMPLES)[EventType]);
  return { topic, headers: message.headers as Record<string, string>, value: String(message.value) };
}

const TOPIC_EXAMPLES = Object.entries(TOPIC_EVENT_TYPES).flatMap(([topic, types]) =>
  types.map((type): [string, EventType] => [topic as FixedTopic, type]),
);

describe('AsyncApiRecordChecker (docs/asyncapi.yaml)', () => {
  it.each(TOPIC_EXAMPLES)('accepts the contract example on %s (%s)', (topic, type) => {
    // Given the code's example of a message of the topic / When checked / Then it is one of the channel's messages
    expect(checker.problem(recordOf(topic, MESSAGE_EXAMPLES[type]))).toBeUndefined();
  });

  it('accepts an order copy on a route topic and refuses a status confirmation there', () => {
    // Given the route channel, which carries received orders only
    const topic = routeTopic('west-warehouse');
    // Then the received order is accepted and the confirmation named as matching none of its messages
    expect(checker.problem(recordOf(topic, MESSAGE_EXAMPLES[EVENT_TYPES.orderReceived]))).toBeUndefined();
    expect(checker.problem(recordOf(topic, MESSAGE_EXAMPLES[EVENT_TYPES.orderStatusConfirmed]))).toMatch(/matches none of its messages/);
  });

  it('names what is wrong with a record that breaks its message schema', () => {
    // Given a received order whose item lost its SKU
    const example = MESSAGE_EXAMPLES[EVENT_TYPES.orderReceived];
    const broken = { ...example, data: { ...example.data, items: example.data.items.map(({ sku: _sku, ...item }) => item) } };
    const record = { ...recordOf('dropship.orders.v1', example), value: JSON.stringify(broken) };
    // When checked / Then the reason says where
    expect(checker.problem(record)).toMatch(/OrderReceived: .*\/data\/items\/0 must have required property 'sku'/);
  });

  it('refuses wrong headers, a value that is not JSON and a topic the document does not know', () => {
    const good = recordOf('dropship.status-results.v1', MESSAGE_EXAMPLES[EVENT_TYPES.statusResult]);
    expect(checker.problem({ ...good, headers: { ...good.headers, 'content-type': 'text/plain' } })).toMatch(/content-type/);
    expect(checker.problem({ ...good, value: '{not json' })).toBe('dropship.status-results.v1: the value is not JSON');
    expect(checker.problem({ ...good, topic: 'dropship.unknown' })).toMatch(/no channel/);
  });
});
