import type { Message } from 'kafkajs';

/**
 * Encoded record bytes per produce request. kafkajs puts all of a request's records for one
 * partition into one record batch, and the broker refuses a batch over max.message.bytes
 * (1,048,588 bytes by default), so records that together exceed it must go in more than one
 * request. The limit leaves room for the record batch's own header; each request is a round trip
 * the sender waits for, so it is no smaller than it must be. (The router's batches of normalized
 * orders, a little larger than the entries they come from, and a page of large feed entries need
 * this; a single record over the limit still fails, so senders bound their records.)
 */
const MAX_REQUEST_BYTES = 1_000_000;

/** A record's bytes beyond its key, value and headers (length, attributes, deltas, varints): at most. */
const RECORD_OVERHEAD_BYTES = 24;
const HEADER_OVERHEAD_BYTES = 10;

type TopicMessages = { topic: string; messages: Message[] }[];

export function produceRequests(topicMessages: TopicMessages, maxBytes = MAX_REQUEST_BYTES): TopicMessages[] {
  const requests: TopicMessages[] = [];
  let current = new Map<string, Message[]>();
  let bytes = 0;
  const flush = (): void => {
    if (current.size > 0) requests.push([...current].map(([topic, messages]) => ({ topic, messages })));
    current = new Map();
    bytes = 0;
  };
  for (const { topic, messages } of topicMessages) {
    for (const message of messages) {
      const size = encodedSize(message);
      if (bytes > 0 && bytes + size > maxBytes) flush();
      const batch = current.get(topic);
      if (batch) batch.push(message);
      else current.set(topic, [message]);
      bytes += size;
    }
  }
  flush();
  return requests;
}

/** An upper bound of the record's size in a record batch. */
function encodedSize(message: Message): number {
  let size = RECORD_OVERHEAD_BYTES + sizeOf(message.value) + sizeOf(message.key);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) size += HEADER_OVERHEAD_BYTES + Buffer.byteLength(name) + sizeOf(one);
  }
  return size;
}

function sizeOf(value: Message['value'] | Message['key'] | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
