import { Injectable } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import { TOPICS } from '@dropship/messaging';
import type { SourcePartition } from '../ledger/order-ledger';
import type { BatchPlan } from './batch-plan';
import { OrderCreatedPlanner } from './order-created.planner';
import { StatusUpdatedPlanner } from './status-updated.planner';

export interface BatchPlanner {
  plan(source: SourcePartition, messages: readonly KafkaMessage[], lastOffset: string): Promise<BatchPlan>;
}

/** The planner of each input topic. */
@Injectable()
export class Planners {
  constructor(
    private readonly created: OrderCreatedPlanner,
    private readonly statuses: StatusUpdatedPlanner,
  ) {}

  of(topic: string): BatchPlanner {
    return topic === TOPICS.orderCreated ? this.created : this.statuses;
  }
}
