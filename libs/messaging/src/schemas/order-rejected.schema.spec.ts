import { EVENT_TYPES } from '../topics';
import { exampleEvent } from '../events';
import { validateEventData } from './validators';

const type = EVENT_TYPES.orderRejected;
const example = () => exampleEvent(type).data;

function reasonOf(data: unknown): string | undefined {
  const result = validateEventData(type, data);
  return result.valid ? undefined : result.reason;
}

describe('order rejected (dead letter) data schema', () => {
  it('accepts a rejected feed entry and a rejected record', () => {
    // Given a dead letter from the feed and one from a topic / When validated / Then both pass
    const source = { topic: 'dropship.status-commands.v1', partition: 0, offset: '9007199254740993', key: null };
    const fromRecord = { ...example(), orderId: 'o-1', source };
    expect(reasonOf(example())).toBeUndefined();
    expect(reasonOf(fromRecord)).toBeUndefined();
  });

  it.each([
    ['an offset as a number', { source: { offset: 42 } }, '/source/offset must be string'],
    ['an unknown source field', { source: { headers: {} } }, '/source/headers is not allowed'],
    ['an unknown encoding', { originalEncoding: 'latin1' }, '/originalEncoding must be one of "utf-8", "base64"'],
    ['a service outside the connector', { service: 'inventory' }, '/service must be one of "feed-ingestor", "order-router", "status-publisher"'],
    ['an empty reason', { reason: '' }, '/reason must NOT have fewer than 1 characters'],
    ['no original', { original: undefined }, '/original is required'],
  ])('refuses %s', (_case, change, reason) => {
    // Given a dead letter with one defect / When validated / Then the reason names it
    expect(reasonOf(JSON.parse(JSON.stringify({ ...example(), ...change })))).toBe(reason);
  });
});
