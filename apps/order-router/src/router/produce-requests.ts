import type { Message } from 'kafkajs';

/**
 * Bytes of record values per produce request. kafkajs puts all of a request's records for one
 * partition into one record batch, and the broker refuses a batch over max.message.bytes (1 MB by
 * default). A batch read from one partition is written mostly to one partition of
 * dropship.orders.v1 (same key, same partition count), and normalized orders are larger than the
 * entries they come from, so a batch's records go out in several requests of one transaction.
 */
const MAX_REQUEST_BYTES = 512 * 1024;

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
      const size = sizeOf(message.value) + sizeOf(message.key);
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

function sizeOf(value: Message['value'] | Message['key']): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
