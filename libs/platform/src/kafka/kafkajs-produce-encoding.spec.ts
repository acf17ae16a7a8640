import { speedUpProduceEncoding } from './kafkajs-produce-encoding';

interface ProduceDefinition {
  protocol: (options: { version: number }) => (args: object) => { request: { apiVersion: number; encode: () => Promise<{ buffer: Buffer }> } };
}

const { requests } = require('kafkajs/src/protocol/requests') as { requests: { Produce: ProduceDefinition } };
const kafkajsProduceV7 = require('kafkajs/src/protocol/requests/produce/v7/request') as (args: object) => {
  apiVersion: number;
  encode: () => Promise<{ buffer: Buffer }>;
};

const args = {
  acks: -1,
  timeout: 30_000,
  transactionalId: 'order-router-0',
  producerId: 7,
  producerEpoch: 2,
  topicData: [{ topic: 'dropship.orders.v1', partitions: [{ partition: 3, firstSequence: 4, messages: [{ key: 'o-1', value: '{"a":1}', headers: { ce_type: 'x' } }] }] }],
};

describe('speedUpProduceEncoding', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(1_764_000_000_000));
  afterEach(() => jest.restoreAllMocks());

  it("encodes kafkajs's Produce v7 requests with the same bytes, once installed however often", async () => {
    speedUpProduceEncoding();
    const installed = requests.Produce.protocol;
    speedUpProduceEncoding();
    expect(requests.Produce.protocol).toBe(installed);
    const { request } = installed({ version: 7 })(args);
    expect(request.apiVersion).toBe(7);
    const encoded = await request.encode();
    expect(encoded.constructor.name).toBe('Encoder');
    expect(encoded.buffer).toEqual((await kafkajsProduceV7(args).encode()).buffer);
  });

  it('leaves the versions whose body it does not write to kafkajs', () => {
    speedUpProduceEncoding();
    const v2 = requests.Produce.protocol({ version: 2 })(args).request;
    const v7 = requests.Produce.protocol({ version: 7 })(args).request;
    expect(v2.encode.name).toBe('encode');
    expect(v7.encode.name).not.toBe('encode');
  });

  it('falls back to kafkajs for what it does not encode (a compressed request)', async () => {
    speedUpProduceEncoding();
    const compressed = { ...args, compression: 1 };
    const ours = await requests.Produce.protocol({ version: 7 })(compressed).request.encode();
    expect(ours.buffer).toEqual((await kafkajsProduceV7(compressed).encode()).buffer);
  });
});
