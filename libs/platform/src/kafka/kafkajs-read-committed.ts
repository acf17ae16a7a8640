interface AbortedTransaction {
  producerId: string;
  firstOffset: string;
}

/** The parts of a decoded record the filter reads (kafkajs's record decoder output). */
export interface FetchedRecord {
  offset: string;
  key: Buffer | null;
  isControlRecord?: boolean;
  batchContext: { producerId: string; inTransaction: boolean };
}

interface FetchedPartition {
  partition: number;
  abortedTransactions?: AbortedTransaction[] | null;
  messages: FetchedRecord[];
}

interface FetchRequest {
  topics: { topic: string; partitions: { partition: number; fetchOffset: string }[] }[];
}

interface FetchResponse {
  responses: { topicName: string; partitions: FetchedPartition[] }[];
}

type FetchMethod = (this: unknown, request: FetchRequest) => Promise<FetchResponse>;

const FIXED = Symbol.for('dropship.kafkajs.readCommittedFiltering');

/**
 * kafkajs 2.2.4 (its last release) can hand a read_committed consumer records of an aborted
 * transaction. Its filter (src/consumer/filterAbortedMessages.js) expects the fetch response's
 * aborted-transaction list sorted by first offset and takes at most one entry per record. The broker
 * lists aborted transactions in the order their abort markers were written, and lists any that began
 * before the fetch offset, so when two producers' transactions on one partition are aborted in the
 * opposite order they began (as when a restarted order-router fences the sessions its dead
 * predecessor left open), the first records of one of them reach the consumer. The Java client
 * sorts the list and takes every entry that has begun (Fetcher/CompletedFetch).
 *
 * The fix, applied once per process to kafkajs's Broker class (so every consumer of every client
 * gets it, whenever it was created): each fetch response's list is rewritten into one the kafkajs
 * filter reads correctly. The right records are chosen here, with the Java client's rule; each
 * aborted run of records is then announced by one entry whose first offset is the run's first
 * record, in record order, which is exactly what kafkajs's filter handles.
 *
 * Idempotent. Throws when kafkajs's internals are not the ones this fix was written for.
 */
export function fixReadCommittedFiltering(): void {
  // kafkajs's Broker class is not part of its public API: required by path, checked below.
  const Broker = require('kafkajs/src/broker') as { prototype: Record<string | symbol, unknown> };
  const prototype = Broker.prototype;
  if (prototype[FIXED]) return;
  const fetch = prototype['fetch'];
  if (typeof fetch !== 'function') throw new Error('kafkajs Broker.prototype.fetch not found: the read_committed fix no longer fits this kafkajs');
  const original = fetch as FetchMethod;
  prototype['fetch'] = async function fetchWithCorrectAbortedList(this: unknown, request: FetchRequest): Promise<FetchResponse> {
    const response = await original.call(this, request);
    rewriteAbortedLists(request, response);
    return response;
  };
  prototype[FIXED] = true;
}

function rewriteAbortedLists(request: FetchRequest, response: FetchResponse): void {
  for (const { topicName, partitions } of response.responses ?? []) {
    for (const partition of partitions) {
      if (!partition.abortedTransactions?.length) continue;
      const fetchOffset = requestedOffset(request, topicName, partition.partition);
      // kafkajs's Batch drops records below the requested offset before filtering; so must we.
      const records = fetchOffset === null ? partition.messages : partition.messages.filter((record) => BigInt(record.offset) >= fetchOffset);
      partition.abortedTransactions = abortedRuns(records, partition.abortedTransactions);
    }
  }
}

function requestedOffset(request: FetchRequest, topic: string, partition: number): bigint | null {
  const requested = request.topics.find((entry) => entry.topic === topic)?.partitions.find((entry) => entry.partition === partition);
  return requested ? BigInt(requested.fetchOffset) : null;
}

/**
 * The aborted runs among `records` (in offset order), one entry per run at its first record: a
 * transactional record of producer P is aborted when P has an aborted transaction that began at or
 * before it and whose abort marker P has not yet written.
 */
export function abortedRuns(records: FetchedRecord[], aborted: AbortedTransaction[]): AbortedTransaction[] {
  const pending = [...aborted].sort((a, b) => compareOffsets(a.firstOffset, b.firstOffset));
  const aborting = new Set<string>();
  const announced = new Set<string>();
  const runs: AbortedTransaction[] = [];
  let next = 0;
  for (const record of records) {
    const offset = BigInt(record.offset);
    while (next < pending.length && offset >= BigInt(pending[next].firstOffset)) aborting.add(pending[next++].producerId);
    const { producerId, inTransaction } = record.batchContext;
    if (record.isControlRecord) {
      if (isAbortMarker(record)) {
        aborting.delete(producerId);
        announced.delete(producerId);
      }
    } else if (inTransaction && aborting.has(producerId) && !announced.has(producerId)) {
      runs.push({ producerId, firstOffset: record.offset });
      announced.add(producerId);
    }
  }
  return runs;
}

/** A control record's key is version (int16) then type (int16): type 0 is ABORT, 1 is COMMIT. */
function isAbortMarker(record: FetchedRecord): boolean {
  return record.key !== null && record.key.length >= 4 && record.key.readInt16BE(2) === 0;
}

function compareOffsets(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
