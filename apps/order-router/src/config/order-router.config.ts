import { readFileSync } from 'fs';
import { ConfigError, ConnectorConfig, loadConfig, readVariable } from '@dropship/platform';
import { parseRoutingRules } from '../rules/parse-routing-rules';
import { RoutingRule } from '../rules/routing-rule';
import { InvalidRoutingRulesError } from '../rules/routing-rules.errors';

/** What only the order-router reads, beside the shared configuration. */
export interface OrderRouterSettings {
  /** ROUTING_RULES_FILE, validated; empty when the variable is unset (no route topics). */
  rules: readonly RoutingRule[];
  /**
   * IQMETRIX_SUPPLIER_ID when given: the normalized order's supplierId when the feed left it out.
   * Optional for the router, which never calls iQmetrix.
   */
  supplierId?: number;
  /**
   * ORDER_READER_THREADS: worker threads that decode and normalize order-created records (0: the
   * main thread does). Default 1: with two cores, the broker and Postgres leave CPU over for one.
   */
  readerThreads: number;
}

export interface OrderRouterConfig {
  connector: ConnectorConfig;
  router: OrderRouterSettings;
}

let loaded: OrderRouterConfig | undefined;

/**
 * The only place this service reads process.env (style §6). Loaded once per process: runService
 * asks for the shared part first (and prints a ConfigError as one line), the app module for the
 * router's part afterwards, and the routing rules file must be read and validated only once.
 */
export function loadOrderRouterConfig(): OrderRouterConfig {
  loaded ??= readOrderRouterConfig(process.env);
  return loaded;
}

export function readOrderRouterConfig(env: Record<string, string | undefined>): OrderRouterConfig {
  const connector = loadConfig(env, 'order-router');
  const supplierId = readVariable(env, 'IQMETRIX_SUPPLIER_ID');
  return {
    connector,
    router: {
      rules: connector.routingRulesFile === undefined ? [] : readRoutingRulesFile(connector.routingRulesFile),
      supplierId: supplierId === undefined ? undefined : Number(supplierId.trim()),
      readerThreads: readReaderThreads(env),
    },
  };
}

const MAX_READER_THREADS = 16;

function readReaderThreads(env: Record<string, string | undefined>): number {
  const raw = readVariable(env, 'ORDER_READER_THREADS')?.trim();
  if (raw === undefined) return 1;
  const value = /^[0-9]{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 0 && value <= MAX_READER_THREADS)) {
    throw new ConfigError('ORDER_READER_THREADS', `is malformed: expected a whole number from 0 to ${MAX_READER_THREADS}`);
  }
  return value;
}

/** Reads and validates the rules; any problem is a ConfigError naming ROUTING_RULES_FILE. */
export function readRoutingRulesFile(path: string): RoutingRule[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new ConfigError('ROUTING_RULES_FILE', `cannot be read (${typeof code === 'string' ? code : 'unreadable'})`);
  }
  try {
    return parseRoutingRules(text);
  } catch (error) {
    if (error instanceof InvalidRoutingRulesError) throw new ConfigError('ROUTING_RULES_FILE', error.message);
    throw error;
  }
}
