import type { RoutingRule } from '../rules/routing-rule';
import type { OrderCreatedInput, OrderRead } from './order-read';

/** What a reader thread is started with (structured-cloned into it). */
export interface ReaderThreadData {
  rules: readonly RoutingRule[];
  supplierId?: number;
}

/**
 * A batch on its way to a reader thread: every value in one buffer, which is transferred rather
 * than copied (a kafkajs value is a view of a whole fetch response, which cloning would copy).
 */
export interface ReadRequest {
  id: number;
  bytes: ArrayBuffer;
  /** Each value's length in `bytes`, in order; -1 for a null value. */
  lengths: number[];
  traceparents: (string | undefined)[];
}

/**
 * A batch's reads on their way back. The received records' values travel in one transferred
 * buffer (`values`, each one's byte length in `valueLengths`, in order) and their `value` is
 * empty in `reads`: as strings they would be copied onto the main thread's heap, where they
 * outlive several young-generation collections while their batch commits, and each collection
 * would copy them again. As views of the transferred buffer they stay off the heap.
 */
export interface ReadAnswer {
  id: number;
  reads: OrderRead[];
  values: ArrayBuffer;
  valueLengths: number[];
}

export type ReadResponse = ReadAnswer | { id: number; failure: string };

export function packRequest(id: number, inputs: readonly OrderCreatedInput[]): ReadRequest {
  let total = 0;
  for (const { value } of inputs) total += value?.length ?? 0;
  const bytes = new Uint8Array(total);
  const lengths: number[] = [];
  let at = 0;
  for (const { value } of inputs) {
    if (value === null) {
      lengths.push(-1);
      continue;
    }
    bytes.set(value, at);
    at += value.length;
    lengths.push(value.length);
  }
  return { id, bytes: bytes.buffer, lengths, traceparents: inputs.map((input) => input.traceparent) };
}

export function unpackRequest({ bytes, lengths, traceparents }: ReadRequest): OrderCreatedInput[] {
  let at = 0;
  return lengths.map((length, index) => {
    const traceparent = traceparents[index];
    const input: OrderCreatedInput = { value: length < 0 ? null : Buffer.from(bytes, at, length) };
    if (length > 0) at += length;
    if (traceparent !== undefined) input.traceparent = traceparent;
    return input;
  });
}

/** Moves each received record's value into one buffer (the reads' values become empty). */
export function packReads(id: number, reads: OrderRead[]): ReadAnswer {
  const valueLengths: number[] = [];
  let total = 0;
  for (const read of reads) {
    if (read.kind !== 'order') continue;
    const length = Buffer.byteLength(read.received.value);
    valueLengths.push(length);
    total += length;
  }
  // Not from Buffer's shared pool: the whole ArrayBuffer is transferred.
  const values = Buffer.allocUnsafeSlow(total);
  let at = 0;
  for (const read of reads) {
    if (read.kind !== 'order') continue;
    at += values.write(read.received.value as string, at);
    read.received.value = '';
  }
  return { id, reads, values: values.buffer as ArrayBuffer, valueLengths };
}

/** The reads with each received record's value back, as a view of the transferred buffer. */
export function unpackReads({ reads, values, valueLengths }: ReadAnswer): OrderRead[] {
  let at = 0;
  let index = 0;
  for (const read of reads) {
    if (read.kind !== 'order') continue;
    const length = valueLengths[index++] as number;
    read.received.value = Buffer.from(values, at, length);
    at += length;
  }
  return reads;
}
