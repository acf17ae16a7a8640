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

export type ReadResponse = { id: number; reads: OrderRead[] } | { id: number; failure: string };

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
