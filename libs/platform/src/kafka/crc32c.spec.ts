import { crc32c } from './crc32c';

// kafkajs's own CRC-32C, a byte at a time: the reference.
const kafkajsCrc32c = require('kafkajs/src/protocol/recordBatch/crc32C') as (bytes: Buffer) => number;

describe('crc32c', () => {
  it('gives the standard check value of CRC-32C', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
  });

  it("equals kafkajs's CRC for every length around the 8-byte steps and at unaligned starts", () => {
    const bytes = Buffer.from(Array.from({ length: 300 }, (_unused, index) => (index * 151 + 7) & 0xff));
    for (let start = 0; start < 9; start++) {
      for (let length = 0; length < 40; length++) {
        const slice = bytes.subarray(start, start + length);
        expect(crc32c(slice)).toBe(kafkajsCrc32c(slice));
      }
    }
  });

  it("equals kafkajs's CRC on a megabyte", () => {
    const bytes = Buffer.alloc(1 << 20);
    for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 2654435761) >>> 24;
    expect(crc32c(bytes)).toBe(kafkajsCrc32c(bytes));
  });
});
