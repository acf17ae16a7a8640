import type { FaultPaths, FaultSettings } from './faults';
import type { RateLimitSettings } from '../options';
import { asObject, integerIn, InvalidInputError, numberIn } from '../support/input';

/** The body of `POST /_sandbox/faults`, validated. */
export interface FaultRequest {
  settings: Partial<FaultSettings>;
  seed?: string;
  rateLimit?: RateLimitSettings;
  expireTokensNow: boolean;
  tokenTtlSeconds?: number;
}

const RATE_FIELDS = ['errorRate', 'latencyRate', 'dropConnectionRate', 'duplicateEntryRate'] as const;
const PATHS: readonly FaultPaths[] = ['feed', 'put', 'token', 'all'];

export function parseFaultRequest(body: unknown): FaultRequest {
  const input = asObject(body, 'the body');
  const settings: Partial<FaultSettings> = {};
  for (const field of RATE_FIELDS) {
    if (input[field] !== undefined) settings[field] = numberIn(input[field], field, 0, 1);
  }
  if (input.errorStatus !== undefined) settings.errorStatus = integerIn(input.errorStatus, 'errorStatus', 100, 599);
  if (input.latencyMs !== undefined) settings.latencyMs = integerIn(input.latencyMs, 'latencyMs', 0, 600_000);
  if (input.errorPaths !== undefined) {
    if (!PATHS.includes(input.errorPaths as FaultPaths)) throw new InvalidInputError(`errorPaths must be one of ${PATHS.join(', ')}`);
    settings.errorPaths = input.errorPaths as FaultPaths;
  }
  return {
    settings,
    seed: input.seed === undefined ? undefined : String(input.seed),
    rateLimit: input.rateLimit === undefined ? undefined : parseRateLimit(input.rateLimit),
    expireTokensNow: input.expireTokensNow === true,
    tokenTtlSeconds:
      input.tokenTtlSeconds === undefined ? undefined : integerIn(input.tokenTtlSeconds, 'tokenTtlSeconds', 1, 1e9),
  };
}

function parseRateLimit(value: unknown): RateLimitSettings {
  const input = asObject(value, 'rateLimit');
  return {
    limit: integerIn(input.limit, 'rateLimit.limit', 0, 1e9),
    windowSeconds: integerIn(input.windowSeconds ?? 60, 'rateLimit.windowSeconds', 1, 86_400),
  };
}
