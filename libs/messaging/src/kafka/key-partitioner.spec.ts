import { randomBytes, randomUUID } from 'node:crypto';
import { Partitioners, PartitionerArgs } from 'kafkajs';
import { KeyPartitioner, murmur2 } from './key-partitioner';

// kafkajs's own murmur2 (an internal module, no types): the reference the fast hash must equal.
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (key: Buffer | string) => number;

function argsFor(key: Buffer | string | null, partitions: number, partition?: number): PartitionerArgs {
  const partitionMetadata = Array.from({ length: partitions }, (_unused, id) => ({ partitionId: id, leader: 1, partitionErrorCode: 0, replicas: [1], isr: [1] }));
  return { topic: 't', partitionMetadata, message: { key, value: 'v', ...(partition === undefined ? {} : { partition }) } };
}

describe('murmur2 and KeyPartitioner', () => {
  it('hash keys exactly as Java and kafkajs do, for every length remainder and any bytes', () => {
    // Given keys of every length 0..40 with random bytes (high bits included), order ids and text
    const keys: Buffer[] = [];
    for (let length = 0; length <= 40; length += 1) for (let i = 0; i < 25; i += 1) keys.push(randomBytes(length));
    for (let i = 0; i < 500; i += 1) keys.push(Buffer.from(randomUUID()));
    keys.push(Buffer.from('commande-é-ü-日本'), Buffer.from('21'), Buffer.from(''));

    // Then the fast hash equals kafkajs's for each
    for (const key of keys) expect([key.toString('hex'), murmur2(key)]).toEqual([key.toString('hex'), kafkajsMurmur2(key)]);
  });

  it('matches Java’s published murmur2 values', () => {
    // Values from Apache Kafka's UtilsTest.testMurmur2
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
    expect(murmur2(Buffer.from('foobar'))).toBe(-790332482);
    expect(murmur2(Buffer.from('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(Buffer.from('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(Buffer.from([97, 98, 99]))).toBe(479470107);
  });

  it('picks the partition kafkajs’s DefaultPartitioner picks, keeps an explicit one, spreads keyless records', () => {
    const fast = KeyPartitioner();
    const reference = Partitioners.DefaultPartitioner();
    for (let i = 0; i < 300; i += 1) {
      const key = i % 2 === 0 ? randomUUID() : Buffer.from(randomUUID());
      for (const partitions of [1, 3, 6, 7, 12]) expect(fast(argsFor(key, partitions))).toBe(reference(argsFor(key, partitions)));
    }
    expect(fast(argsFor('order', 6, 4))).toBe(4);
    const keyless = new Set(Array.from({ length: 12 }, () => fast(argsFor(null, 6))));
    expect(keyless.size).toBe(6);
  });
});
