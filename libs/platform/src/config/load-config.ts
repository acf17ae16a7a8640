import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  ConnectorConfig,
  DEFAULT_HTTP_PORTS,
  IqmetrixSettings,
  KafkaSettings,
  SERVICES_CALLING_IQMETRIX,
  ServiceName,
} from './connector-config';
import { ConfigError } from './config.errors';
import { Env, readVariable } from './env-source';
import { VARIABLES, VariableName } from './variables';

type Raw = Partial<Record<VariableName, string>>;

const IQMETRIX_CREDENTIALS: VariableName[] = [
  'IQMETRIX_CLIENT_ID',
  'IQMETRIX_CLIENT_SECRET',
  'IQMETRIX_USERNAME',
  'IQMETRIX_PASSWORD',
  'IQMETRIX_SUPPLIER_ID',
];

const ajv = addFormats(new Ajv({ allErrors: false }));
const validateRaw = ajv.compile({
  type: 'object',
  properties: Object.fromEntries(Object.entries(VARIABLES).map(([name, spec]) => [name, spec.schema])),
});

/**
 * Reads and validates the configuration of one service. Throws a ConfigError whose message is one
 * line naming the first bad variable; values (which may be secrets) never appear in it.
 */
export function loadConfig(env: Env, service: ServiceName): ConnectorConfig {
  const raw = readRaw(env);
  assertValid(raw);
  const needsIqmetrix = SERVICES_CALLING_IQMETRIX.includes(service);
  if (needsIqmetrix) assertPresent(raw, IQMETRIX_CREDENTIALS);
  return {
    service,
    kafka: kafkaSettings(raw),
    topicPartitions: Number(raw.TOPIC_PARTITIONS),
    databaseUrl: raw.DATABASE_URL as string,
    httpPort: raw.HTTP_PORT === undefined ? DEFAULT_HTTP_PORTS[service] : httpPort(raw.HTTP_PORT),
    logLevel: raw.LOG_LEVEL as string,
    iqmetrix: needsIqmetrix ? iqmetrixSettings(raw) : undefined,
    feedPollIntervalMs: Number(raw.FEED_POLL_INTERVAL_MS),
    routingRulesFile: raw.ROUTING_RULES_FILE,
    autoAcknowledge: isTrue(raw.AUTO_ACKNOWLEDGE as string),
  };
}

function readRaw(env: Env): Raw {
  const raw: Raw = {};
  for (const [name, spec] of Object.entries(VARIABLES) as [VariableName, { default?: string }][]) {
    const value = readVariable(env, name) ?? spec.default;
    if (value !== undefined) raw[name] = value.trim();
  }
  return raw;
}

function assertValid(raw: Raw): void {
  if (validateRaw(raw)) return;
  const name = (validateRaw.errors?.[0]?.instancePath ?? '').replace(/^\//, '') as VariableName;
  throw new ConfigError(name, `is malformed: expected ${VARIABLES[name]?.describe ?? 'a valid value'}`);
}

function assertPresent(raw: Raw, names: VariableName[]): void {
  const missing = names.find((name) => raw[name] === undefined);
  if (missing) throw new ConfigError(missing, `is required (${VARIABLES[missing].describe})`);
}

function httpPort(value: string): number {
  const port = Number(value);
  if (port > 65535) throw new ConfigError('HTTP_PORT', `is malformed: expected ${VARIABLES.HTTP_PORT.describe}`);
  return port;
}

function kafkaSettings(raw: Raw): KafkaSettings {
  const brokers = (raw.KAFKA_BROKERS as string).split(',').map((broker) => broker.trim());
  const settings: KafkaSettings = { brokers, ssl: isTrue(raw.KAFKA_SSL as string) };
  if (raw.KAFKA_SASL_MECHANISM === undefined) return settings;
  assertPresent(raw, ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD']);
  const mechanism = raw.KAFKA_SASL_MECHANISM.toLowerCase() as NonNullable<KafkaSettings['sasl']>['mechanism'];
  return {
    ...settings,
    sasl: { mechanism, username: raw.KAFKA_SASL_USERNAME as string, password: raw.KAFKA_SASL_PASSWORD as string },
  };
}

function iqmetrixSettings(raw: Raw): IqmetrixSettings {
  return {
    authUrl: stripTrailingSlash(raw.IQMETRIX_AUTH_URL as string),
    dropshipUrl: stripTrailingSlash(raw.IQMETRIX_DROPSHIP_URL as string),
    clientId: raw.IQMETRIX_CLIENT_ID as string,
    clientSecret: raw.IQMETRIX_CLIENT_SECRET as string,
    username: raw.IQMETRIX_USERNAME as string,
    password: raw.IQMETRIX_PASSWORD as string,
    supplierId: raw.IQMETRIX_SUPPLIER_ID as string,
  };
}

function isTrue(value: string): boolean {
  return ['true', '1', 'yes'].includes(value);
}

function stripTrailingSlash(value: string): string {
  return value.replace(/\/+$/, '');
}
