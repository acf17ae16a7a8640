/** Settings every service shares, typed; built only by loadConfig after validation. */
export interface KafkaSettings {
  brokers: string[];
  ssl: boolean;
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

export interface IqmetrixSettings {
  authUrl: string;
  dropshipUrl: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  supplierId: string;
}

export type ServiceName = 'feed-ingestor' | 'order-router' | 'status-publisher';

export interface ConnectorConfig {
  service: ServiceName;
  kafka: KafkaSettings;
  topicPartitions: number;
  databaseUrl: string;
  httpPort: number;
  logLevel: string;
  /** Absent for services that never call iQmetrix (the order-router). */
  iqmetrix?: IqmetrixSettings;
  feedPollIntervalMs: number;
  routingRulesFile?: string;
  autoAcknowledge: boolean;
}

export const DEFAULT_HTTP_PORTS: Record<ServiceName, number> = {
  'feed-ingestor': 3001,
  'order-router': 3002,
  'status-publisher': 3003,
};

/** Services that call iQmetrix and so require its credentials at start. */
export const SERVICES_CALLING_IQMETRIX: readonly ServiceName[] = ['feed-ingestor', 'status-publisher'];
