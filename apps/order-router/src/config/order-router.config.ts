import { ConnectorConfig, loadConfig } from '@dropship/platform';

/** The only place this service reads process.env (style §6). */
export function loadOrderRouterConfig(): ConnectorConfig {
  return loadConfig(process.env, 'order-router');
}
