import { packRequest, unpackRequest } from './reader-messages';

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
