import { encodeProducePayload, ProduceMessage, ProduceRequestArgs } from './produce-request-encoding';

// kafkajs's own Produce v3 request (v4 to v7 reuse its body): the reference for every byte.
const kafkajsProduceV3 = require('kafkajs/src/protocol/requests/produce/v3/request') as (args: ProduceRequestArgs) => {
  encode: () => Promise<{ buffer: Buffer }>;
};
const Long = require('kafkajs/src/utils/long') as { fromValue: (value: string) => { toString(): string } };

const NOW = 1_764_000_000_123;

async function kafkajsBytes(args: ProduceRequestArgs): Promise<Buffer> {
  const spy = jest.spyOn(Date, 'now').mockReturnValue(NOW);
  try {
    return (await kafkajsProduceV3(args).encode()).buffer;
  } finally {
    spy.mockRestore();
  }
}

function ours(args: ProduceRequestArgs): Buffer | null {
  return encodeProducePayload(args, () => NOW);
}

/** Where two encodings first differ (-1: nowhere); cheaper than Jest's deep equality on big buffers. */
function firstDifference(actual: Buffer | null, expected: Buffer): number {
  if (actual === null) return 0;
  const length = Math.min(actual.length, expected.length);
  for (let index = 0; index < length; index++) if (actual[index] !== expected[index]) return index;
  return actual.length === expected.length ? -1 : length;
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

const TEXTS = ['', 'a', 'order-42', 'Zoë & Chloé <ok>', '注文', '😀 emoji', 'x'.repeat(200)];

function someBytes(next: (below: number) => number): string | Buffer | null | undefined {
  switch (next(7)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return Buffer.from(TEXTS[next(TEXTS.length)] as string);
    case 3:
      return Buffer.alloc(next(70_000), 1 + next(255)); // lengths needing 1 to 3 varint bytes
    default:
      return TEXTS[next(TEXTS.length)] as string;
  }
}

function someMessage(next: (below: number) => number): ProduceMessage {
  const message: ProduceMessage = { key: someBytes(next), value: someBytes(next) ?? null };
  const headerCount = next(5);
  if (headerCount > 0 || next(2) === 0) {
    message.headers = {};
    for (let index = 0; index < headerCount; index++) {
      const name = `${TEXTS[next(TEXTS.length)] as string}-${index}`;
      message.headers[name] = next(4) === 0 ? ['one', Buffer.from('two'), 'trois'] : next(2) === 0 ? Buffer.from(name) : `value ${index} ✓`;
    }
  }
  return message;
}

function someRequest(seed: number): ProduceRequestArgs {
  const next = random(seed);
  const transactional = next(2) === 0;
  return {
    acks: next(2) === 0 ? -1 : 1,
    timeout: 30_000,
    transactionalId: transactional ? `order-router-${seed}` : next(2) === 0 ? null : undefined,
    producerId: [Long.fromValue('9007199254740993'), 17, '4242', undefined][next(4)],
    producerEpoch: next(3),
    compression: next(2) === 0 ? 0 : undefined,
    topicData: Array.from({ length: 1 + next(3) }, (_unused, topic) => ({
      topic: `dropship.orders.v${topic}`,
      partitions: Array.from({ length: 1 + next(3) }, (_none, partition) => ({
        partition,
        firstSequence: next(2) === 0 ? next(100_000) : undefined,
        messages: Array.from({ length: 1 + next(12) }, () => someMessage(next)),
      })),
    })),
  };
}

describe('encodeProducePayload', () => {
  it.each(Array.from({ length: 40 }, (_unused, seed) => seed + 1))('writes the bytes kafkajs writes (request %i)', async (seed) => {
    const args = someRequest(seed);
    expect(firstDifference(ours(args), await kafkajsBytes(args))).toBe(-1);
  });

  it('writes offset deltas past one varint byte and an empty partition as kafkajs does', async () => {
    const many = Array.from({ length: 300 }, (_unused, index) => ({ key: `k${index}`, value: `v${index}` }));
    const args: ProduceRequestArgs = {
      acks: -1,
      timeout: 5_000,
      transactionalId: 'tx',
      producerId: 5,
      producerEpoch: 1,
      topicData: [{ topic: 't', partitions: [{ partition: 0, firstSequence: 10, messages: many }, { partition: 1, messages: [] }] }],
    };
    expect(firstDifference(ours(args), await kafkajsBytes(args))).toBe(-1);
  });

  it.each([
    ['a compressed request', { compression: 1 }, {}],
    ['a message with its own timestamp', {}, { timestamp: '1764000000000' }],
    ['a number as key', {}, { key: 42 }],
    ['a null header value', {}, { headers: { trace: null } }],
    ['an object as value', {}, { value: { id: 1 } }],
  ])('leaves %s to kafkajs', (_name, request, message) => {
    const args = { acks: 1, timeout: 1_000, topicData: [{ topic: 't', partitions: [{ partition: 0, messages: [{ key: 'k', value: 'v', ...message }] }] }], ...request };
    expect(ours(args as ProduceRequestArgs)).toBeNull();
  });
});
