import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CONNECTOR_CONFIG, ConfigError, ConnectorConfig, HealthRegistry } from '@dropship/platform';
import { TokenManager } from './auth/token-manager';
import { CapturingLogger } from './http/testing/capturing-logger';
import { FakeIqmetrix, ORDER_ID, testSettings } from './http/testing/fake-iqmetrix';
import { IqmetrixUnavailableError } from './http/iqmetrix.errors';
import { IqmetrixHttp } from './http/iqmetrix-http';
import { IQMETRIX_READINESS_CHECK, IqmetrixClientModule } from './iqmetrix-client.module';
import { StatusClient } from './status/status-client';

function platformStub(config: Partial<ConnectorConfig>) {
  @Global()
  @Module({
    providers: [{ provide: CONNECTOR_CONFIG, useValue: { service: 'status-publisher', ...config } }, HealthRegistry],
    exports: [CONNECTOR_CONFIG, HealthRegistry],
  })
  class PlatformStubModule {}
  return PlatformStubModule;
}

describe('IqmetrixClientModule', () => {
  let fake: FakeIqmetrix;

  beforeAll(() => CapturingLogger.install());
  beforeEach(async () => {
    fake = await FakeIqmetrix.start();
  });
  afterEach(() => fake.close());

  const start = (config: Partial<ConnectorConfig>) =>
    Test.createTestingModule({ imports: [platformStub(config), IqmetrixClientModule.forRoot()] }).compile();

  it('provides working clients built from CONNECTOR_CONFIG and registers the readiness probe', async () => {
    // Given the module started with iQmetrix settings
    const app = await start({ iqmetrix: testSettings(fake.url) });
    await app.init();

    // When a status is sent and readiness is asked
    await app.get(StatusClient).putOrderStatus(ORDER_ID, { Id: ORDER_ID, Status: 1 });
    const readiness = await app.get(HealthRegistry).readiness();
    await app.close();

    // Then the PUT reached the configured host, and the iqmetrix check is part of readiness
    expect(app.get(TokenManager)).toBeInstanceOf(TokenManager);
    expect(app.get(IqmetrixHttp)).toBeInstanceOf(IqmetrixHttp);
    expect(fake.dropshipRequests()).toHaveLength(1);
    expect(readiness.checks[IQMETRIX_READINESS_CHECK]).toEqual({ ok: true });
  });

  it('refuses to start when the configuration has no iQmetrix settings', async () => {
    // Given a configuration without iqmetrix / When the module starts / Then it fails naming the settings
    await expect(start({ iqmetrix: undefined })).rejects.toBeInstanceOf(ConfigError);
  });

  it('closes its connection pool on shutdown', async () => {
    // Given a started module that has made a call
    const app = await start({ iqmetrix: testSettings(fake.url) });
    await app.init();
    const status = app.get(StatusClient);
    await status.checkReachable();

    // When the application closes
    await app.close();

    // Then further calls fail as unavailable instead of opening new connections
    const failure = await status.putOrderStatus(ORDER_ID, { Id: ORDER_ID, Status: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IqmetrixUnavailableError);
    expect(fake.dropshipRequests()).toHaveLength(0);
  });
});
