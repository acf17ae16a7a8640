import type { KafkaSettings } from '@dropship/platform';
import { KafkaConfig, logLevel, SASLOptions } from 'kafkajs';
import { kafkaLogCreator } from './kafka-log-creator';

/** kafkajs client settings from the validated configuration (brokers, TLS, SASL). */
export function kafkaClientConfig(settings: KafkaSettings, clientId: string): KafkaConfig {
  return {
    clientId,
    brokers: settings.brokers,
    ssl: settings.ssl,
    sasl: settings.sasl as SASLOptions | undefined,
    logLevel: logLevel.WARN,
    logCreator: () => kafkaLogCreator(),
    // A broker restart must not kill the service: kafkajs retries, and callers retry on top.
    retry: { initialRetryTime: 300, retries: 10 },
    connectionTimeout: 5_000,
  };
}
