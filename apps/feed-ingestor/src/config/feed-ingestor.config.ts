import { ConnectorConfig, loadConfig } from '@dropship/platform';

/** The only place this service reads process.env (style §6). */
export function loadFeedIngestorConfig(): ConnectorConfig {
  return loadConfig(process.env, 'feed-ingestor');
}
