import { BATCH_BODY_HEAD, BatchFields, PARTITION_HEAD, PayloadWriter, ProduceMessage, ProducePartition, varIntSize } from './produce-payload-writer';

export type { ProduceMessage, ProducePartition } from './produce-payload-writer';

export interface ProduceRequestArgs {
  acks: number;
  timeout: number;
  transactionalId?: string | null;
  /** A kafkajs Long, a number or a decimal string. */
  producerId?: { toString(): string } | number | string;
  producerEpoch?: number;
  compression?: number;
  topicData: { topic: string; partitions: ProducePartition[] }[];
}

const NO_COMPRESSION = 0;
const TRANSACTIONAL = 16;

/**
 * The body of a Produce request (versions 3 to 7: transactional id, acks, timeout, then per topic
 * and partition one uncompressed v2 record batch), written in one pass into one buffer of the exact
 * size. The bytes are the ones kafkajs 2.2.4 writes (a unit test compares them), but kafkajs builds
 * them from an encoder per record and per header, each a zero-filled 512-byte buffer grown by
 * doubling, turns every varint into an array and a Buffer, and copies the whole batch some five
 * times more on the way up; on the order-router that was the largest part of its main thread's CPU
 * per record.
 *
 * Only the common case is written here: no compression, and no message carrying its own timestamp
 * (kafkajs's order of timestamps is a string sort, not worth copying). Keys, values and header
 * values must be strings, Buffers or null. For anything else this returns null and kafkajs
 * encodes the request itself.
 *
 * Returns the request body, or null when kafkajs must encode it.
 */
export function encodeProducePayload(args: ProduceRequestArgs, now: () => number = Date.now): Buffer | null {
  if ((args.compression ?? NO_COMPRESSION) !== NO_COMPRESSION) return null;
  const measured = measure(args);
  if (measured === null) return null;
  const writer = new PayloadWriter(Buffer.allocUnsafe(measured.size), measured.lengths);
  writer.string(args.transactionalId ?? null);
  writer.int16(args.acks);
  writer.int32(args.timeout);
  writer.int32(args.topicData.length);
  let partitionIndex = 0;
  for (const { topic, partitions } of args.topicData) {
    writer.string(topic);
    writer.int32(partitions.length);
    for (const partition of partitions) {
      writer.partition(partition, { ...batchFields(args, now()), recordBytes: measured.recordBytes[partitionIndex++] as number });
    }
  }
  if (writer.at !== measured.size) throw new Error(`produce request encoding wrote ${writer.at} of ${measured.size} bytes`);
  return writer.buffer;
}

function batchFields(args: ProduceRequestArgs, timestamp: number): Omit<BatchFields, 'recordBytes'> {
  return {
    attributes: args.transactionalId ? TRANSACTIONAL : 0,
    timestamp: BigInt(timestamp),
    producerId: BigInt.asIntN(64, BigInt(String(args.producerId ?? -1))),
    producerEpoch: args.producerEpoch ?? 0,
  };
}

/**
 * What the writer needs to know beforehand: the payload's size, each partition's record bytes, and
 * per record, in write order, the byte lengths of its key and value (-1: null), its header count,
 * each header's name and value lengths, and its body size (so nothing is measured twice).
 */
interface Measured {
  size: number;
  recordBytes: number[];
  lengths: number[];
}

function measure(args: ProduceRequestArgs): Measured | null {
  const lengths: number[] = [];
  const recordBytes: number[] = [];
  let size = stringSize(args.transactionalId ?? null) + 2 + 4 + 4;
  for (const { topic, partitions } of args.topicData) {
    size += stringSize(topic) + 4;
    for (const { messages } of partitions) {
      let records = 0;
      for (let index = 0; index < messages.length; index++) {
        const body = recordBodySize(messages[index] as ProduceMessage, index, lengths);
        if (body < 0) return null;
        lengths.push(body);
        records += varIntSize(body) + body;
      }
      recordBytes.push(records);
      size += PARTITION_HEAD + BATCH_BODY_HEAD + records;
    }
  }
  return { size, recordBytes, lengths };
}

/** A record's size after its length varint (-1 when not handled), pushing the lengths it measured. */
function recordBodySize(message: ProduceMessage, offsetDelta: number, lengths: number[]): number {
  if (message.timestamp != null) return -1;
  const key = bytesSize(message.key, lengths);
  const value = bytesSize(message.value, lengths);
  if (key < 0 || value < 0) return -1;
  const countAt = lengths.length;
  lengths.push(0);
  let count = 0;
  let size = 1 + 1 + varIntSize(offsetDelta) + key + value; // attributes, timestamp delta 0, offset delta
  const headers = message.headers ?? {};
  for (const name of Object.keys(headers)) {
    const entry = headers[name];
    for (const headerValue of Array.isArray(entry) ? entry : [entry]) {
      // kafkajs cannot size a null header value either
      const header = headerValue == null ? -1 : bytesSize(name, lengths) + bytesSize(headerValue, lengths);
      if (header < 0) return -1;
      size += header;
      count++;
    }
  }
  lengths[countAt] = count;
  return size + varIntSize(count);
}

/** A varint length and the bytes of a string, Buffer or null; a very negative number for anything else. */
function bytesSize(value: unknown, lengths: number[]): number {
  if (value == null) {
    lengths.push(-1);
    return 1;
  }
  let length: number;
  if (typeof value === 'string') length = Buffer.byteLength(value, 'utf8');
  else if (Buffer.isBuffer(value)) length = value.length;
  else return Number.MIN_SAFE_INTEGER;
  lengths.push(length);
  return varIntSize(length) + length;
}

function stringSize(value: string | null): number {
  return 2 + (value === null ? 0 : Buffer.byteLength(value, 'utf8'));
}
