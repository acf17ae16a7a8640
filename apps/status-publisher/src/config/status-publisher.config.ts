import { ConnectorConfig, loadConfig } from '@dropship/platform';

/** The only place this service reads process.env (style §6). */
export function loadStatusPublisherConfig(): ConnectorConfig {
  return loadConfig(process.env, 'status-publisher');
}
