import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';
import { ROUTER_GROUP_ID } from './router-settings';

export interface PartitionWatermarks {
  low: bigint;
  high: bigint;
}

/**
 * Reads the consumer group's committed offsets and topics' watermarks from the broker, with an
 * admin client of its own.
 */
@Injectable()
export class GroupOffsets implements OnApplicationShutdown {
  private readonly admin: Admin;

  constructor(kafka: Kafka) {
    this.admin = kafka.admin();
  }

  /** The group's committed offset of each partition of `topic`; null where nothing is committed. */
  async committed(topic: string): Promise<Map<number, bigint | null>> {
    await this.admin.connect();
    const [answer] = await this.admin.fetchOffsets({ groupId: ROUTER_GROUP_ID, topics: [topic] });
    const offsets = new Map<number, bigint | null>();
    for (const { partition, offset } of answer?.partitions ?? []) {
      offsets.set(partition, BigInt(offset) < 0n ? null : BigInt(offset));
    }
    return offsets;
  }

  async committedOffset(topic: string, partition: number): Promise<bigint | null> {
    return (await this.committed(topic)).get(partition) ?? null;
  }

  async watermarks(topic: string): Promise<Map<number, PartitionWatermarks>> {
    await this.admin.connect();
    const partitions = await this.admin.fetchTopicOffsets(topic);
    return new Map(partitions.map(({ partition, low, high }) => [partition, { low: BigInt(low), high: BigInt(high) }]));
  }

  /** Last, after the consumer stopped (OrderRouterConsumer.onModuleDestroy): its batches use it. */
  async onApplicationShutdown(): Promise<void> {
    await this.admin.disconnect();
  }
}
