import { crc32c } from './crc32c';

// The writing half of produce-request-encoding.ts: the record batch layout, field by field.

export type Bytes = string | Buffer;

export interface ProduceMessage {
  key?: Bytes | null;
  value: Bytes | null;
  headers?: Record<string, Bytes | Bytes[] | undefined>;
  timestamp?: unknown;
}

export interface ProducePartition {
  partition: number;
  firstSequence?: number;
  messages: ProduceMessage[];
}

const MAGIC = 2;
/** Attributes, last offset delta, two timestamps, producer id and epoch, first sequence, record count. */
export const BATCH_BODY_HEAD = 2 + 4 + 8 + 8 + 8 + 2 + 4 + 4;
/** Partition, record set size, first offset, batch length, leader epoch, magic, CRC. */
export const PARTITION_HEAD = 4 + 4 + 8 + 4 + 4 + 1 + 4;

export interface BatchFields {
  attributes: number;
  timestamp: bigint;
  producerId: bigint;
  producerEpoch: number;
  /** The size of the batch's records. */
  recordBytes: number;
}

function zigZag(value: number): number {
  return (value << 1) ^ (value >> 31);
}

export function varIntSize(value: number): number {
  let encoded = zigZag(value);
  let size = 1;
  while ((encoded & 0xffffff80) !== 0) {
    size++;
    encoded >>>= 7;
  }
  return size;
}

/** Writes the payload in order, taking the lengths produce-request-encoding.ts measured. */
export class PayloadWriter {
  at = 0;
  /** The next record's first entry in `lengths`. */
  private cursor = 0;

  constructor(
    readonly buffer: Buffer,
    private readonly lengths: number[],
  ) {}

  int8(value: number): void {
    this.at = this.buffer.writeInt8(value, this.at);
  }

  int16(value: number): void {
    this.at = this.buffer.writeInt16BE(value, this.at);
  }

  int32(value: number): void {
    this.at = this.buffer.writeInt32BE(value, this.at);
  }

  int64(value: bigint): void {
    this.at = this.buffer.writeBigInt64BE(value, this.at);
  }

  string(value: string | null): void {
    if (value === null) return this.int16(-1);
    const length = Buffer.byteLength(value, 'utf8');
    this.int16(length);
    this.at += this.buffer.write(value, this.at, length, 'utf8');
  }

  varInt(value: number): void {
    let encoded = zigZag(value);
    while ((encoded & 0xffffff80) !== 0) {
      this.buffer[this.at++] = (encoded & 0x7f) | 0x80;
      encoded >>>= 7;
    }
    this.buffer[this.at++] = encoded;
  }

  /** Partition, record set size, then the record batch (kafkajs's RecordBatch v0, magic 2). */
  partition({ partition, firstSequence, messages }: ProducePartition, fields: BatchFields): void {
    const batchLength = 4 + 1 + 4 + BATCH_BODY_HEAD + fields.recordBytes;
    this.int32(partition);
    this.int32(8 + 4 + batchLength);
    this.int64(0n); // first offset: the broker assigns offsets
    this.int32(batchLength);
    this.int32(0); // partition leader epoch
    this.int8(MAGIC);
    const crcAt = this.at;
    this.at += 4;
    const bodyStart = this.at;
    this.int16(fields.attributes);
    this.int32(messages.length - 1); // last offset delta
    this.int64(fields.timestamp); // first timestamp
    this.int64(fields.timestamp); // max timestamp
    this.int64(fields.producerId);
    this.int16(fields.producerEpoch);
    this.int32(firstSequence ?? 0);
    this.int32(messages.length);
    messages.forEach((message, offsetDelta) => this.record(message, offsetDelta));
    this.buffer.writeUInt32BE(crc32c(this.buffer.subarray(bodyStart, this.at)), crcAt);
  }

  private record(message: ProduceMessage, offsetDelta: number): void {
    const { lengths } = this;
    const first = this.cursor;
    const count = lengths[first + 2] as number;
    const bodyAt = first + 3 + 2 * count;
    this.cursor = bodyAt + 1;
    this.varInt(lengths[bodyAt] as number);
    this.int8(0); // attributes
    this.int8(0); // timestamp delta 0, as a varlong
    this.varInt(offsetDelta);
    this.bytes(message.key, lengths[first] as number);
    this.bytes(message.value, lengths[first + 1] as number);
    this.varInt(count);
    let next = first + 3;
    const headers = message.headers ?? {};
    for (const name of Object.keys(headers)) {
      const entry = headers[name];
      for (const headerValue of Array.isArray(entry) ? entry : [entry]) {
        this.bytes(name, lengths[next++] as number);
        this.bytes(headerValue, lengths[next++] as number);
      }
    }
  }

  private bytes(value: Bytes | null | undefined, length: number): void {
    this.varInt(length);
    if (value == null) return;
    if (typeof value === 'string') this.at += this.buffer.write(value, this.at, length, 'utf8');
    else this.at += value.copy(this.buffer, this.at);
  }
}
