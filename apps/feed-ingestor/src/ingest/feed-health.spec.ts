import { Logger } from '@nestjs/common';
import { IqmetrixUnavailableError } from '@dropship/iqmetrix-client';
import { HealthRegistry, MetricsRegistry } from '@dropship/platform';
import { ingestorSettings } from '../config/ingestor-settings';
import { FeedHealth } from './feed-health';
import { IngestMetrics } from './ingest.metrics';

describe('FeedHealth', () => {
  let registry: HealthRegistry;
  let metrics: MetricsRegistry;
  let health: FeedHealth;
  const outage = new IqmetrixUnavailableError({ method: 'GET', host: 'dropship', pathTemplate: '/v1/Suppliers({id})/Notifications' }, 'HTTP 503', { status: 503 });

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    registry = new HealthRegistry();
    metrics = new MetricsRegistry('feed-ingestor');
    const config = { feedPollIntervalMs: 1000, iqmetrix: { supplierId: '60455' } } as Parameters<typeof ingestorSettings>[0];
    health = new FeedHealth(registry, new IngestMetrics(metrics), ingestorSettings(config));
    health.onModuleInit();
  });

  it('stays ready through isolated failures and turns unready after three in a row, naming the last error', async () => {
    // Given two failed polls
    health.failed(outage, 100);
    health.failed(outage, 200);
    // Then readiness still holds
    expect((await registry.readiness()).ready).toBe(true);
    // When a third fails
    health.failed(outage, 400);
    // Then the feed check fails with the error code, and the metrics say the same
    const report = await registry.readiness();
    expect(report).toMatchObject({ ready: false, checks: { feed: { ok: false, error: expect.stringContaining('IQMETRIX.UNAVAILABLE') } } });
    const text = await metrics.registry.metrics();
    expect(text).toContain('dropship_feed_consecutive_failures{service="feed-ingestor"} 3');
    expect(text).toContain('dropship_feed_last_error_info{code="IQMETRIX.UNAVAILABLE",service="feed-ingestor"} 1');
  });

  it('is ready again with the first successful poll, keeping the last error visible', async () => {
    for (let i = 0; i < 4; i += 1) health.failed(outage, 100);
    health.succeeded();
    expect((await registry.readiness()).ready).toBe(true);
    expect(health.consecutiveFailures).toBe(0);
    expect(await metrics.registry.metrics()).toContain('dropship_feed_last_error_info{code="IQMETRIX.UNAVAILABLE"');
  });
});
