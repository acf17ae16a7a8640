import type { OrderRead } from './order-read';
import { packReads, packRequest, unpackReads, unpackRequest } from './reader-messages';

describe('packRequest / unpackRequest', () => {
  it('carries every value, null and empty ones too, and each traceparent, in order', () => {
    // Given values cut from one larger buffer (as kafkajs gives them), a null, an empty one and non-ASCII text
    const fetched = Buffer.from('xx{"a":1}yy{"b":"café ✓"}zz');
    const inputs = [
      { value: fetched.subarray(2, 9), traceparent: '00-aaaa-bbbb-01' },
      { value: null },
      { value: Buffer.alloc(0) },
      { value: fetched.subarray(11, fetched.length - 2) },
    ];

    // When packed and unpacked
    const request = packRequest(7, inputs);
    const unpacked = unpackRequest(request);

    // Then the buffer holds only the values, and each comes back as it went
    expect(request.id).toBe(7);
    expect(request.bytes.byteLength).toBe(7 + 0 + Buffer.byteLength('{"b":"café ✓"}'));
    expect(unpacked.map((input) => input.value?.toString('utf8') ?? null)).toEqual(['{"a":1}', null, '', '{"b":"café ✓"}']);
    expect(unpacked.map((input) => input.traceparent)).toEqual(['00-aaaa-bbbb-01', undefined, undefined, undefined]);
  });
});

describe('packReads / unpackReads', () => {
  it('moves every received value into one buffer and gives each back as UTF-8 bytes, rejections untouched', () => {
    // Given two orders (one with non-ASCII text, one empty) around a rejection
    const order = (orderId: string, value: string): OrderRead => ({
      kind: 'order',
      orderId,
      entryId: `entry-${orderId}`,
      receivedAt: '2015-10-23T21:37:31Z',
      routes: ['east'],
      received: { key: orderId, value, headers: { ce_type: 'dropship.order.received' } },
    });
    const rejected: OrderRead = { kind: 'rejected', rejection: { code: 'MESSAGE.NOT_JSON', reason: 'not JSON' } as never };
    const reads = [order('o-1', '{"city":"Montréal ✓"}'), rejected, order('o-2', '')];

    // When packed (as the thread does) and unpacked (as the main thread does)
    const answer = packReads(3, reads);
    const structuredCopy = structuredClone(answer, { transfer: [answer.values] });
    const unpacked = unpackReads(structuredCopy);

    // Then the buffer holds exactly the values' bytes, and each read is whole again
    expect(structuredCopy.values.byteLength).toBe(Buffer.byteLength('{"city":"Montréal ✓"}'));
    expect(structuredCopy.valueLengths).toEqual([Buffer.byteLength('{"city":"Montréal ✓"}'), 0]);
    expect(unpacked.map((read) => (read.kind === 'order' ? read.received.value.toString() : read.rejection.code))).toEqual([
      '{"city":"Montréal ✓"}',
      'MESSAGE.NOT_JSON',
      '',
    ]);
    expect(unpacked[0]).toMatchObject({ orderId: 'o-1', received: { key: 'o-1', headers: { ce_type: 'dropship.order.received' } } });
  });
});
