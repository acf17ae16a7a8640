import { createKafka } from './create-kafka';
import { abortedRuns, FetchedRecord } from './kafkajs-read-committed';

// The filter kafkajs runs on every fetched batch: the fix must make it choose the right records.
const kafkajsFilter = require('kafkajs/src/consumer/filterAbortedMessages') as (input: {
  messages: FetchedRecord[];
  abortedTransactions: { producerId: string; firstOffset: string }[];
}) => FetchedRecord[];

const ABORT = Buffer.from([0, 0, 0, 0]);
const COMMIT = Buffer.from([0, 0, 0, 1]);

function data(offset: number, producerId: string): FetchedRecord {
  return { offset: String(offset), key: Buffer.from(`k${offset}`), batchContext: { producerId, inTransaction: true } };
}

function marker(offset: number, producerId: string, key: Buffer): FetchedRecord {
  return { offset: String(offset), key, isControlRecord: true, batchContext: { producerId, inTransaction: true } };
}

function plain(offset: number): FetchedRecord {
  return { offset: String(offset), key: null, batchContext: { producerId: '-1', inTransaction: false } };
}

function delivered(records: FetchedRecord[], aborted: { producerId: string; firstOffset: string }[]): number[] {
  return kafkajsFilter({ messages: records, abortedTransactions: aborted })
    .filter((record) => !record.isControlRecord)
    .map((record) => Number(record.offset));
}

describe('abortedRuns (the aborted-transaction list kafkajs filters correctly with)', () => {
  it('hides transactions aborted in the opposite order they began, which kafkajs alone leaks', () => {
    // Given A and B interleaved, B aborted first, then a committed transaction of A
    const records = [data(0, 'A'), data(1, 'B'), data(2, 'A'), marker(3, 'B', ABORT), marker(4, 'A', ABORT), data(5, 'A'), marker(6, 'A', COMMIT)];
    // The broker lists aborted transactions in the order of their markers
    const brokerList = [
      { producerId: 'B', firstOffset: '1' },
      { producerId: 'A', firstOffset: '0' },
    ];
    // Then kafkajs with the broker's list delivers A's aborted first record, and with ours only A's commit
    expect(delivered(records, brokerList)).toEqual([0, 5]);
    expect(delivered(records, abortedRuns(records, brokerList))).toEqual([5]);
  });

  it('hides every transaction that began before the fetch offset, not one per record', () => {
    // Given a fetch from offset 10 into two aborted transactions that began at 2 and 5
    const records = [data(10, 'B'), data(11, 'A'), data(12, 'B'), marker(13, 'A', ABORT), marker(14, 'B', ABORT), plain(15)];
    const brokerList = [
      { producerId: 'A', firstOffset: '2' },
      { producerId: 'B', firstOffset: '5' },
    ];
    // Then kafkajs alone takes one entry per record and leaks B's first record (A's entry is
    // taken at it); with ours only 15 is left
    expect(delivered(records, brokerList)).toEqual([10, 15]);
    expect(delivered(records, abortedRuns(records, brokerList))).toEqual([15]);
  });

  it("keeps a producer's committed transactions around its aborted one", () => {
    const records = [
      data(0, 'A'), marker(1, 'A', COMMIT),
      data(2, 'A'), data(3, 'A'), marker(4, 'A', ABORT),
      data(5, 'A'), marker(6, 'A', COMMIT),
    ];
    const runs = abortedRuns(records, [{ producerId: 'A', firstOffset: '2' }]);
    expect(runs).toEqual([{ producerId: 'A', firstOffset: '2' }]);
    expect(delivered(records, runs)).toEqual([0, 5]);
  });

  it('hides an aborted run whose marker is beyond the fetched records', () => {
    const records = [plain(0), data(1, 'A'), data(2, 'A')];
    const runs = abortedRuns(records, [{ producerId: 'A', firstOffset: '1' }]);
    expect(delivered(records, runs)).toEqual([0]);
  });

  it('lists nothing when no fetched record belongs to an aborted transaction', () => {
    const records = [data(7, 'A'), marker(8, 'A', COMMIT)];
    expect(abortedRuns(records, [{ producerId: 'B', firstOffset: '3' }])).toEqual([]);
  });
});

describe('createKafka', () => {
  it("puts the rewrite in front of every kafkajs broker connection's fetch, once", () => {
    const broker = require('kafkajs/src/broker') as { prototype: { fetch: { name: string } } };
    createKafka({ brokers: ['127.0.0.1:1'] });
    const fixed = broker.prototype.fetch;
    createKafka({ brokers: ['127.0.0.1:1'] });
    expect(fixed.name).toBe('fetchWithCorrectAbortedList');
    expect(broker.prototype.fetch).toBe(fixed);
  });
});
