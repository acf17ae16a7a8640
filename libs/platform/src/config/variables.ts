/**
 * The contract's environment variables (shared/contract.md, "Configuration"), as JSON Schema for
 * their raw string values. `describe` is what the one-line start-up error says is expected.
 */
export interface VariableSpec {
  schema: Record<string, unknown>;
  describe: string;
  default?: string;
  secret?: boolean;
}

const url = { type: 'string', format: 'uri', pattern: '^https?://' };
const positiveInteger = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' };
const boolean = { type: 'string', enum: ['true', 'false', '1', '0', 'yes', 'no'] };
const text = { type: 'string', minLength: 1 };

export const VARIABLES = {
  IQMETRIX_AUTH_URL: { schema: url, describe: 'an http(s) URL', default: 'https://accountsdemo.iqmetrix.net' },
  IQMETRIX_DROPSHIP_URL: { schema: url, describe: 'an http(s) URL', default: 'https://dropshipdemo.iqmetrix.net' },
  IQMETRIX_CLIENT_ID: { schema: text, describe: 'the OAuth client id' },
  IQMETRIX_CLIENT_SECRET: { schema: text, describe: 'the OAuth client secret', secret: true },
  IQMETRIX_USERNAME: { schema: text, describe: "the supplier's API user name" },
  IQMETRIX_PASSWORD: { schema: text, describe: "the API user's password", secret: true },
  IQMETRIX_SUPPLIER_ID: { schema: { type: 'string', pattern: '^[0-9]{1,18}$' }, describe: 'a whole number' },
  KAFKA_BROKERS: {
    schema: { type: 'string', pattern: '^[^\\s,:]+:[0-9]{1,5}(\\s*,\\s*[^\\s,:]+:[0-9]{1,5})*$' },
    describe: 'a comma-separated host:port list',
    default: '127.0.0.1:9092',
  },
  KAFKA_SSL: { schema: boolean, describe: 'true or false', default: 'false' },
  KAFKA_SASL_MECHANISM: {
    schema: { type: 'string', enum: ['plain', 'scram-sha-256', 'scram-sha-512', 'PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] },
    describe: 'one of plain, scram-sha-256, scram-sha-512',
  },
  KAFKA_SASL_USERNAME: { schema: text, describe: 'the SASL user name' },
  KAFKA_SASL_PASSWORD: { schema: text, describe: 'the SASL password', secret: true },
  TOPIC_PARTITIONS: { schema: positiveInteger, describe: 'a positive whole number', default: '6' },
  DATABASE_URL: {
    schema: { type: 'string', pattern: '^postgres(ql)?://[^\\s]+$' },
    describe: 'a postgres:// connection string',
    default: 'postgres://postgres@127.0.0.1:5432/dropship',
    secret: true,
  },
  FEED_POLL_INTERVAL_MS: { schema: positiveInteger, describe: 'a positive whole number of milliseconds', default: '30000' },
  ROUTING_RULES_FILE: { schema: text, describe: 'a path to a JSON or YAML file' },
  AUTO_ACKNOWLEDGE: { schema: boolean, describe: 'true or false', default: 'true' },
  HTTP_PORT: { schema: { type: 'string', pattern: '^[0-9]{1,5}$' }, describe: 'a port number (0-65535)' },
  LOG_LEVEL: {
    schema: { type: 'string', enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    describe: 'one of fatal, error, warn, info, debug, trace, silent',
    default: 'info',
  },
} satisfies Record<string, VariableSpec>;

export type VariableName = keyof typeof VARIABLES;
