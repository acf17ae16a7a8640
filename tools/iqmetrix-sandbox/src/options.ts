import type { Clock } from './support/clock';
import type { LogLevel } from './support/log';

export interface SandboxCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

export interface RateLimitSettings {
  /** Requests allowed per window, per service (accounts and Dropship count separately, as at iQmetrix). */
  limit: number;
  windowSeconds: number;
}

export interface SandboxOptions {
  /** 0 (the default for `startSandbox`) picks a free port. */
  port?: number;
  host?: string;
  /** Base of every link the feed returns; default: `http://` + the request's Host header. */
  publicUrl?: string;
  supplierId?: number;
  credentials?: Partial<SandboxCredentials>;
  tokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  rateLimit?: Partial<RateLimitSettings>;
  /** Reject status changes outside the transition table (status/transitions.ts). */
  strict?: boolean;
  /** Orders generated at start. */
  seedOrders?: number;
  /** Generate one order every N ms while running; off when absent or 0. */
  orderTrickleMs?: number;
  /** Seed of every pseudo-random choice (ids, generated orders, faults). */
  seed?: string | number;
  clock?: Clock;
  logLevel?: LogLevel;
  /** Where log lines go; default stdout. */
  logSink?: (line: string) => void;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  publicUrl: string | undefined;
  supplierId: number;
  credentials: SandboxCredentials;
  tokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  rateLimit: RateLimitSettings;
  strict: boolean;
  seedOrders: number;
  orderTrickleMs: number;
  seed: string;
  logLevel: LogLevel;
  logSink: (line: string) => void;
}

export const DEFAULT_CREDENTIALS: SandboxCredentials = {
  clientId: 'sandbox-client',
  clientSecret: 'sandbox-secret',
  username: 'supplier@example.com',
  password: 'sandbox-password',
};

const SEVEN_DAYS_SECONDS = 7 * 24 * 3600;

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    supplierId: options.supplierId ?? 60455,
    credentials: { ...DEFAULT_CREDENTIALS, ...definedOnly(options.credentials) },
    tokenTtlSeconds: options.tokenTtlSeconds ?? 43199,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? SEVEN_DAYS_SECONDS,
    rateLimit: { limit: 1000, windowSeconds: 60, ...definedOnly(options.rateLimit) },
    strict: options.strict ?? false,
    seedOrders: options.seedOrders ?? 0,
    orderTrickleMs: options.orderTrickleMs ?? 0,
    seed: String(options.seed ?? 'iqmetrix-sandbox'),
    logLevel: options.logLevel ?? 'silent',
    logSink: options.logSink ?? ((line) => process.stdout.write(`${line}\n`)),
  };
}

/** `{ a: undefined }` must not override a default when spread. */
function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
