import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { parse } from 'yaml';

type Node = Record<string, unknown>;

interface ChannelCheck {
  address: RegExp;
  messages: { name: string; payload: ValidateFunction; headers?: ValidateFunction }[];
}

/** A record as read from Kafka: its topic, headers as text, and its value. */
export interface RecordToCheck {
  topic: string;
  headers: Record<string, string>;
  value: string | null;
}

const DOCUMENT_ID = 'asyncapi';

/**
 * Checks records against docs/asyncapi.yaml itself (not against the code's schemas, which the
 * document is compared with elsewhere): the record's topic picks the channel, and the record must
 * be one of the channel's messages, payload and headers.
 */
export class AsyncApiRecordChecker {
  private readonly channels: ChannelCheck[];

  constructor(documentPath: string) {
    const document = parse(readFileSync(documentPath, 'utf8')) as Node;
    // The document is not a JSON Schema, but its schemas' $refs are JSON pointers into it: added
    // whole under an id, each message's payload compiles with its references resolved.
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    addFormats(ajv, ['date-time', 'uri-reference']);
    ajv.addSchema({ ...document, $id: DOCUMENT_ID });
    const messageNames = Object.keys(node(node(document, 'components'), 'messages'));
    const compiled = new Map(
      messageNames.map((name) => {
        const message = node(node(node(document, 'components'), 'messages'), name);
        const at = `${DOCUMENT_ID}#/components/messages/${name}`;
        return [name, { name, payload: ajv.compile({ $ref: `${at}/payload` }), headers: message['headers'] ? ajv.compile({ $ref: `${at}/headers` }) : undefined }];
      }),
    );
    this.channels = Object.values(node(document, 'channels')).map((value) => {
      const channel = value as Node;
      const refs = Object.values(node(channel, 'messages')).map((message) => String((message as Node)['$ref']).split('/').pop() ?? '');
      return { address: addressPattern(String(channel['address'])), messages: refs.map((name) => required(compiled.get(name), name)) };
    });
  }

  /** Undefined when the record is one of its channel's messages; otherwise why not. */
  problem(record: RecordToCheck): string | undefined {
    const channel = this.channels.find((candidate) => candidate.address.test(record.topic));
    if (!channel) return `${record.topic}: no channel of the document has this address`;
    let payload: unknown;
    try {
      payload = JSON.parse(record.value ?? '');
    } catch {
      return `${record.topic}: the value is not JSON`;
    }
    const reasons: string[] = [];
    for (const message of channel.messages) {
      const payloadOk = message.payload(payload);
      const headersOk = message.headers === undefined || message.headers(record.headers);
      if (payloadOk && headersOk) return undefined;
      const errors = [...(message.payload.errors ?? []), ...(headersOk ? [] : (message.headers?.errors ?? []))];
      reasons.push(`${message.name}: ${errors.slice(0, 3).map((error) => `${error.instancePath || '/'} ${error.message}`).join('; ')}`);
    }
    return `${record.topic}: matches none of its messages (${reasons.join(' | ')})`;
  }
}

/** `dropship.orders.{route}.v1` → /^dropship\.orders\.[^.]+\.v1$/ (a parameter is one name segment). */
function addressPattern(address: string): RegExp {
  const escaped = address.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^.]+');
  return new RegExp(`^${escaped}$`);
}

function node(parent: Node, key: string): Node {
  const child = parent[key];
  if (typeof child !== 'object' || child === null) throw new Error(`docs/asyncapi.yaml: ${key} is missing`);
  return child as Node;
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`docs/asyncapi.yaml: message ${name} is referenced but not defined`);
  return value;
}
