/**
 * Paths pino censors in every log line. Secrets and customers' personal data must never reach
 * logs even when someone logs an object carelessly; these are the names they travel under.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.clientSecret',
  '*.client_secret',
  '*.accessToken',
  '*.access_token',
  '*.refreshToken',
  '*.refresh_token',
  '*.authorization',
  '*.Authorization',
  '*.databaseUrl',
  '*.shippingAddress',
  '*.shippingCustomer',
  '*.saslPassword',
];
