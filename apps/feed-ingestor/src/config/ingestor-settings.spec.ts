import type { ConnectorConfig } from '@dropship/platform';
import { ingestorSettings } from './ingestor-settings';

const config = (feedPollIntervalMs: number) => ({ feedPollIntervalMs, iqmetrix: { supplierId: '60455' } }) as ConnectorConfig;

describe('ingestorSettings', () => {
  it.each([500, 2_000, 30_000, 600_000])('lets a standby try the lock well within two poll intervals of %d ms', (interval) => {
    const settings = ingestorSettings(config(interval));
    expect(settings.leaderRetryMs).toBeLessThanOrEqual(interval / 2);
    expect(settings.backoffMaxMs).toBeGreaterThanOrEqual(settings.backoffBaseMs);
  });

  it('uses the production defaults for the default interval', () => {
    expect(ingestorSettings(config(30_000))).toMatchObject({
      supplierId: '60455',
      pollIntervalMs: 30_000,
      leaderRetryMs: 5_000,
      failuresBeforeUnready: 3,
      backoffBaseMs: 1_000,
      backoffMaxMs: 120_000,
    });
  });

  it('requires the supplier id', () => {
    expect(() => ingestorSettings({ feedPollIntervalMs: 1000 } as ConnectorConfig)).toThrow('IQMETRIX_SUPPLIER_ID');
  });
});
