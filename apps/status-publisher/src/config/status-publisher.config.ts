import { Env, loadConfig } from '@dropship/platform';
import { loadPublisherSettings, StatusPublisherConfig } from './publisher-settings';

/** Reads and validates the whole configuration from `env`. */
export function readStatusPublisherConfig(env: Env): StatusPublisherConfig {
  return { ...loadConfig(env, 'status-publisher'), publisher: loadPublisherSettings(env) };
}

let loaded: StatusPublisherConfig | undefined;

/**
 * The only place this service reads process.env (style §6). Loaded once per process: runService
 * asks for it (and prints a ConfigError as one line), the app module and the CLI read the result.
 */
export function loadStatusPublisherConfig(): StatusPublisherConfig {
  loaded ??= readStatusPublisherConfig(process.env);
  return loaded;
}
