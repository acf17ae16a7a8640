import { createTestDatabase, TestDatabase } from './postgres-test-database';
import { ServiceApp, startServiceProcess, waitForHttpStatus } from './service-process';
import { testBrokers } from './test-environment';

/**
 * The start-up behaviour every service shares (contract "Running" and "Configuration"), as a
 * test suite each app's main.int-spec.ts runs against its own built main.js.
 */
export interface ServiceStartupOptions {
  port: number;
  env: Record<string, string>;
  /** A variable the service requires: left out, the service must refuse to start naming it. */
  requiredVariable?: string;
}

export function describeServiceStartup(app: ServiceApp, options: ServiceStartupOptions): void {
  describe(`node dist/apps/${app}/main.js`, () => {
    let database: TestDatabase;
    const baseEnv = (): Record<string, string> => ({
      ...options.env,
      KAFKA_BROKERS: testBrokers().join(','),
      DATABASE_URL: database.url,
      HTTP_PORT: String(options.port),
      LOG_LEVEL: 'warn',
    });

    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => {
      await database.drop();
    });

    it('starts, migrates, and answers /health/live and /health/ready', async () => {
      // Given a valid configuration with the real broker and Postgres
      const service = startServiceProcess(app, baseEnv());
      try {
        // When it has started / Then it is live, and ready once its dependencies answer
        await expect(waitForHttpStatus(`http://127.0.0.1:${options.port}/health/live`, 200)).resolves.toEqual({ status: 'ok' });
        const ready = (await waitForHttpStatus(`http://127.0.0.1:${options.port}/health/ready`, 200)) as {
          checks: Record<string, unknown>;
        };
        expect(Object.keys(ready.checks)).toEqual(expect.arrayContaining(['postgres', 'kafka']));
        const metrics = await (await fetch(`http://127.0.0.1:${options.port}/metrics`)).text();
        expect(metrics).toContain(`service="${app}"`);
      } finally {
        await service.stop();
      }
      // And a SIGTERM ends it cleanly
      await expect(service.exited).resolves.toEqual({ code: 0, signal: null });
    });

    it('exits non-zero with one line naming a malformed variable', async () => {
      const service = startServiceProcess(app, { ...baseEnv(), KAFKA_BROKERS: 'no-port-here' });
      await expect(service.exited).resolves.toEqual({ code: 1, signal: null });
      expect(service.output().trim().split('\n')).toEqual([
        `${app}: invalid configuration: KAFKA_BROKERS is malformed: expected a comma-separated host:port list`,
      ]);
    });

    const required = options.requiredVariable;
    if (required) {
      it(`exits non-zero with one line naming ${required} when it is missing`, async () => {
        const { [required]: _omitted, ...env } = baseEnv();
        const service = startServiceProcess(app, env);
        await expect(service.exited).resolves.toEqual({ code: 1, signal: null });
        expect(service.output().trim()).toMatch(new RegExp(`^${app}: invalid configuration: ${required} is required \\(.+\\)$`));
      });
    }
  });
}
