import { HealthRegistry } from './health-registry';

describe('HealthRegistry', () => {
  it('is ready when every probe resolves', async () => {
    // Given two passing probes
    const registry = new HealthRegistry();
    registry.register('postgres', async () => undefined);
    registry.register('kafka', async () => undefined);
    // When asked / Then it is ready with both checks ok
    await expect(registry.readiness()).resolves.toEqual({
      ready: true,
      checks: { postgres: { ok: true }, kafka: { ok: true } },
    });
  });

  it('is not ready when one probe fails, and says why', async () => {
    const registry = new HealthRegistry();
    registry.register('postgres', async () => undefined);
    registry.register('kafka', async () => {
      throw new Error('broker unreachable');
    });
    const report = await registry.readiness();
    expect(report.ready).toBe(false);
    expect(report.checks['kafka']).toEqual({ ok: false, error: 'broker unreachable' });
  });

  it('treats a probe that never answers as failed', async () => {
    // Given a probe that hangs
    const registry = new HealthRegistry();
    registry.register('iqmetrix', () => new Promise<void>(() => undefined));
    // When asked / Then the timeout turns it into a failure instead of hanging the endpoint
    const report = await registry.readiness();
    expect(report.checks['iqmetrix']?.ok).toBe(false);
    expect(report.checks['iqmetrix']?.error).toMatch(/no answer within/);
  });
});
