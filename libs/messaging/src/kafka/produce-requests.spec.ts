import type { Message } from 'kafkajs';
import { CLOUDEVENTS_CONTENT_TYPE } from '../events/kafka-record';
import { produceRequests } from './produce-requests';

// kafkajs's own record and record batch encoders (internal modules, no types), to measure what the broker gets.
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (record: object) => unknown;
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as { RecordBatch: (batch: object) => Promise<{ size(): number }> };

async function encodedBatchBytes(messages: Message[]): Promise<number> {
  const now = Date.now();
  const records = messages.map((message, offsetDelta) => Record({ ...message, offsetDelta, timestampDelta: 0 }));
  const batch = await RecordBatch({ records, firstTimestamp: now, maxTimestamp: now, lastOffsetDelta: records.length - 1, transactional: true });
  return batch.size();
}

describe('produceRequests', () => {
  it('splits a transaction’s records into requests under the byte limit, keeping their order', () => {
    // Given five records of 40 bytes at most once encoded, on two topics, and a 100-byte limit
    const record = (key: string) => ({ key, value: 'x'.repeat(15) });
    const topicMessages = [
      { topic: 'a', messages: [record('1'), record('2'), record('3')] },
      { topic: 'b', messages: [record('4'), record('5')] },
    ];

    // When split / Then each request holds at most two records, in the original order
    expect(produceRequests(topicMessages, 100)).toEqual([
      [{ topic: 'a', messages: [record('1'), record('2')] }],
      [
        { topic: 'a', messages: [record('3')] },
        { topic: 'b', messages: [record('4')] },
      ],
      [{ topic: 'b', messages: [record('5')] }],
    ]);
  });

  it('counts headers and record overhead, so that each record batch stays under the broker limit', async () => {
    // Given a fetch's worth of records with 1,300-byte values and the router's three headers
    const headers = { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ce_type: 'dropship.order.received', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    const messages = Array.from({ length: 760 }, (_unused, index) => ({ key: `order-${index}`.padEnd(36, '0'), value: 'x'.repeat(1300), headers }));

    // When split with the default limit, and each request encoded as kafkajs encodes its record batch
    const requests = produceRequests([{ topic: 'a', messages }]);
    const sizes = await Promise.all(requests.map(([request]) => encodedBatchBytes(request?.messages ?? [])));

    // Then two requests, each record batch under max.message.bytes (1,048,588 by default)
    expect(sizes).toHaveLength(2);
    for (const size of sizes) expect(size).toBeLessThan(1_048_588);
    expect(Math.max(...sizes)).toBeGreaterThan(900_000);
  });

  it('sends a record larger than the limit on its own, and nothing for no records', () => {
    expect(produceRequests([{ topic: 'a', messages: [{ key: 'k', value: 'x'.repeat(300) }] }], 100)).toHaveLength(1);
    expect(produceRequests([])).toEqual([]);
  });
});
