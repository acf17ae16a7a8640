import { produceRequests } from './produce-requests';

describe('produceRequests', () => {
  it('splits a transaction’s records into requests under the byte limit, keeping their order', () => {
    // Given five 40-byte records on two topics and a 100-byte limit
    const record = (key: string) => ({ key, value: 'x'.repeat(39) });
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

  it('sends a record larger than the limit on its own, and nothing for no records', () => {
    expect(produceRequests([{ topic: 'a', messages: [{ key: 'k', value: 'x'.repeat(300) }] }], 100)).toHaveLength(1);
    expect(produceRequests([])).toEqual([]);
  });
});
