import type { Provider } from '@nestjs/common';
import { FeedWalker, IqmetrixHttp } from '@dropship/iqmetrix-client';
import { INGESTOR_SETTINGS, type IngestorSettings } from '../config/ingestor-settings';
import { FeedPublisher } from './feed.publisher';
import { PublishingMetrics } from './publishing.metrics';

/**
 * What both the service and the replay CLI need to take feed pages to Kafka: the settings, the
 * feed walker, the producer and their metrics. Needs IqmetrixClientModule and KafkaModule.
 */
export function publishingProviders(settings: IngestorSettings): Provider[] {
  return [
    { provide: INGESTOR_SETTINGS, useValue: settings },
    PublishingMetrics,
    FeedPublisher,
    {
      provide: FeedWalker,
      inject: [IqmetrixHttp, PublishingMetrics],
      useFactory: (http: IqmetrixHttp, metrics: PublishingMetrics) =>
        new FeedWalker(http, {
          supplierId: settings.supplierId,
          pageCacheBytes: settings.pageCacheBytes,
          onFetch: (fetch) => metrics.pagesFetched.inc({ phase: fetch.phase }),
        }),
    },
  ];
}
