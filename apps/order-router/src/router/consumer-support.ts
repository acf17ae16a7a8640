import { Inject, Injectable } from '@nestjs/common';
import { topicsOf } from '@dropship/messaging';
import { CONNECTOR_CONFIG, ConnectorConfig } from '@dropship/platform';
import { RouteMatcher } from '../rules/route-matcher';
import { ConsumerState } from './consumer-state';

/** What the consumer needs besides Kafka: its topics, partition count and readiness state. */
@Injectable()
export class ConsumerSupport {
  constructor(
    @Inject(CONNECTOR_CONFIG) private readonly config: ConnectorConfig,
    private readonly matcher: RouteMatcher,
    readonly state: ConsumerState,
  ) {}

  get partitions(): number {
    return this.config.topicPartitions;
  }

  /** Every topic the router reads or writes, route topics included (created at start when missing). */
  topics(): string[] {
    return topicsOf('order-router', this.matcher.routes);
  }
}
