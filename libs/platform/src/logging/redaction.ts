/**
 * What never reaches a log line. Secrets and customers' personal data must stay out of logs even
 * when someone logs an object carelessly; these are the names they travel under.
 */
export const CENSOR = '[redacted]';

/**
 * Paths pino's own redaction censors. They all start with a literal key (`req`, `res`), so pino
 * applies them only to lines that carry that key: pino-http's request lines.
 */
export const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

/**
 * Field names censored at the top of a line and one level below it (`{ config: { databaseUrl } }`).
 * Not pino's `*.name` paths: a path that starts with a wildcard makes pino run its redaction on
 * every field of every line, which cost the status publisher ~90 µs per PUT, about an eighth of
 * its CPU, on its one "status PUT delivered" line.
 */
export const SECRET_FIELDS: readonly string[] = [
  'password',
  'clientSecret',
  'client_secret',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'authorization',
  'Authorization',
  'databaseUrl',
  'shippingAddress',
  'shippingCustomer',
  'saslPassword',
];

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/**
 * A log line's fields (pino's `formatters.log`) with every secret field at the top or one
 * level below replaced by CENSOR. The caller's objects are never changed: a field that holds a
 * secret is replaced by a censored copy of the same prototype (an Error stays an Error), and a
 * line without secrets is returned as it is, which is the cheap common case.
 */
export function censorSecretFields<T extends object>(fields: T): T {
  let line: Record<string, unknown> | undefined;
  for (const key of Object.keys(fields)) {
    const value = (fields as Record<string, unknown>)[key];
    const censored = SECRET_FIELDS.includes(key) ? CENSOR : censorChildren(value);
    if (censored === value) continue;
    line ??= { ...(fields as Record<string, unknown>) };
    line[key] = censored;
  }
  return (line ?? fields) as T;
}

/** `value` itself, or a copy of it with its secret fields censored. */
function censorChildren(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const found = SECRET_FIELDS.filter((name) => hasOwn(value, name));
  if (found.length === 0) return value;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const key of Reflect.ownKeys(value)) {
    Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor);
  }
  for (const name of found) {
    const { enumerable } = Object.getOwnPropertyDescriptor(value, name) as PropertyDescriptor;
    Object.defineProperty(copy, name, { value: CENSOR, enumerable, writable: true, configurable: true });
  }
  return copy;
}
