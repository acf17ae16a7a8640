import type { SandboxOptions } from './options';
import type { LogLevel } from './support/log';

/** Thrown for a malformed setting; main prints the one line and exits. */
export class ConfigError extends Error {}

/**
 * Settings from the environment, overridden by `--name value` / `--name=value` flags whose name is
 * the variable's without `SANDBOX_`, in kebab case (`SANDBOX_SEED_ORDERS` ⇔ `--seed-orders 100`).
 */
export function optionsFromEnvironment(env: NodeJS.ProcessEnv, argv: readonly string[]): SandboxOptions {
  const values = { ...env, ...flagsAsVariables(argv) };
  const text = (name: string): string | undefined => (values[name] === '' ? undefined : values[name]);
  const rateLimit = integer(text('SANDBOX_RATE_LIMIT'), 'SANDBOX_RATE_LIMIT', 0);
  const rateWindow = integer(text('SANDBOX_RATE_WINDOW_SECONDS'), 'SANDBOX_RATE_WINDOW_SECONDS', 1);
  return {
    port: integer(text('SANDBOX_PORT'), 'SANDBOX_PORT', 0) ?? 8080,
    host: text('SANDBOX_HOST') ?? '127.0.0.1',
    publicUrl: text('SANDBOX_PUBLIC_URL'),
    supplierId: integer(text('SANDBOX_SUPPLIER_ID'), 'SANDBOX_SUPPLIER_ID', 1),
    credentials: {
      clientId: text('SANDBOX_CLIENT_ID'),
      clientSecret: text('SANDBOX_CLIENT_SECRET'),
      username: text('SANDBOX_USERNAME'),
      password: text('SANDBOX_PASSWORD'),
    },
    tokenTtlSeconds: integer(text('SANDBOX_TOKEN_TTL_SECONDS'), 'SANDBOX_TOKEN_TTL_SECONDS', 1),
    rateLimit: { limit: rateLimit, windowSeconds: rateWindow },
    strict: boolean(text('SANDBOX_STRICT'), 'SANDBOX_STRICT'),
    seedOrders: integer(text('SANDBOX_SEED_ORDERS'), 'SANDBOX_SEED_ORDERS', 0),
    orderTrickleMs: integer(text('SANDBOX_ORDER_TRICKLE_MS'), 'SANDBOX_ORDER_TRICKLE_MS', 0),
    seed: text('SANDBOX_SEED'),
    logLevel: logLevel(text('SANDBOX_LOG_LEVEL') ?? text('LOG_LEVEL')),
  };
}

function flagsAsVariables(argv: readonly string[]): Record<string, string> {
  const variables: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const flag = /^--([a-z0-9-]+)(?:=(.*))?$/i.exec(argv[i]);
    if (!flag) throw new ConfigError(`unexpected argument '${argv[i]}' (flags look like --seed-orders=100)`);
    const name = `SANDBOX_${flag[1].toUpperCase().replace(/-/g, '_')}`;
    if (flag[2] !== undefined) {
      variables[name] = flag[2];
    } else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) {
      variables[name] = argv[i + 1];
      i += 1;
    } else {
      variables[name] = 'true';
    }
  }
  return variables;
}

function integer(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min) throw new ConfigError(`${name} must be a whole number >= ${min}, got '${value}'`);
  return number;
}

function boolean(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got '${value}'`);
}

function logLevel(value: string | undefined): LogLevel {
  if (value === undefined) return 'info';
  const lower = value.toLowerCase();
  if (lower === 'debug' || lower === 'trace') return 'debug';
  return lower === 'silent' ? 'silent' : 'info';
}
