import { ConfigError, optionsFromEnvironment } from './env-config';
import { resolveOptions } from './options';

describe('optionsFromEnvironment', () => {
  it('uses the documented defaults when nothing is set', () => {
    // When no variable is set
    const options = resolveOptions(optionsFromEnvironment({}, []));
    // Then the defaults apply
    expect(options).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      supplierId: 60455,
      credentials: { clientId: 'sandbox-client', clientSecret: 'sandbox-secret', username: 'supplier@example.com', password: 'sandbox-password' },
      tokenTtlSeconds: 43199,
      rateLimit: { limit: 1000, windowSeconds: 60 },
      strict: false,
      seedOrders: 0,
      orderTrickleMs: 0,
      logLevel: 'info',
    });
  });

  it('reads SANDBOX_* variables, with command-line flags taking precedence', () => {
    // Given variables and flags
    const env = { SANDBOX_PORT: '9000', SANDBOX_STRICT: 'true', SANDBOX_RATE_LIMIT: '10', SANDBOX_CLIENT_ID: 'c', SANDBOX_HOST: '0.0.0.0' };
    // When both are read
    const options = resolveOptions(optionsFromEnvironment(env, ['--port', '9100', '--seed-orders=25', '--supplier-id', '123']));
    // Then flags override variables and the rest comes through
    expect(options).toMatchObject({ port: 9100, host: '0.0.0.0', strict: true, seedOrders: 25, supplierId: 123 });
    expect(options.rateLimit).toEqual({ limit: 10, windowSeconds: 60 });
    expect(options.credentials.clientId).toBe('c');
    expect(options.credentials.clientSecret).toBe('sandbox-secret');
  });

  it('stops with a message naming a malformed variable', () => {
    // When a number is malformed
    const read = (): unknown => optionsFromEnvironment({ SANDBOX_TOKEN_TTL_SECONDS: 'soon' }, []);
    // Then the error names it
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/SANDBOX_TOKEN_TTL_SECONDS must be a whole number/);
  });
});
