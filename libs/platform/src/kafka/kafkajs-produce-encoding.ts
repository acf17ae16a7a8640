import { encodeProducePayload, ProduceRequestArgs } from './produce-request-encoding';

/** kafkajs's request definitions (src/protocol/requests), not part of its public API. */
interface RequestDefinition {
  versions: string[];
  protocol: (options: { version: number }) => BuildRequest;
}

type BuildRequest = (args: ProduceRequestArgs) => { request: { encode: () => Promise<unknown> } };

const INSTALLED = Symbol.for('dropship.kafkajs.produceEncoding');
/** The Produce versions whose body encodeProducePayload writes (v3's); kafkajs 2.2.4 implements up to 7. */
const FIRST_VERSION = 3;
const LAST_VERSION = 7;

/**
 * Makes every kafkajs producer of this process encode its Produce requests with
 * encodeProducePayload (same bytes, a fraction of the CPU; produce-request-encoding.ts says why),
 * falling back to kafkajs's own encoder for what it does not handle. kafkajs looks the request
 * definition up on each produce, so producers created before this call get it too. Idempotent.
 * Throws when kafkajs's internals are not the ones this was written for.
 */
export function speedUpProduceEncoding(): void {
  const { requests } = require('kafkajs/src/protocol/requests') as { requests: Record<string, RequestDefinition | undefined> };
  const produce = requests['Produce'] as (RequestDefinition & { [INSTALLED]?: true }) | undefined;
  if (produce?.[INSTALLED]) return;
  if (typeof produce?.protocol !== 'function' || !produce.versions.includes('7')) {
    throw new Error('kafkajs Produce request definition not found: the produce encoding no longer fits this kafkajs');
  }
  const Encoder = require('kafkajs/src/protocol/encoder') as { prototype: object };
  const original = produce.protocol;
  produce.protocol = ({ version }) => {
    const build = original({ version });
    if (Number(version) < FIRST_VERSION || Number(version) > LAST_VERSION) return build;
    return (args) => {
      const built = build(args);
      const kafkajsEncode = built.request.encode;
      built.request.encode = async () => {
        const payload = encodeProducePayload(args);
        return payload === null ? kafkajsEncode() : asEncoder(Encoder.prototype, payload);
      };
      return built;
    };
  };
  produce[INSTALLED] = true;
}

/** What kafkajs's request framing takes from an encode(): an Encoder, whose bytes are buf[0, offset). */
function asEncoder(prototype: object, bytes: Buffer): object {
  return Object.assign(Object.create(prototype) as object, { buf: bytes, offset: bytes.length });
}
