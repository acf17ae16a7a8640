import { Injectable, OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from '@dropship/platform';
import type { SourcePartition } from '../ledger/order-ledger';

interface Failure {
  code: string;
  attempts: number;
}

/**
 * What readiness says about the consumer: it must have joined the group and be running (kafkajs
 * GROUP_JOIN, CRASH, STOP events), and no partition may be backing off after a transient failure
 * (Postgres or Kafka away). Both clear by themselves when the consumer rejoins or a retry works.
 */
@Injectable()
export class ConsumerState implements OnModuleInit {
  private running = false;
  private reason = 'the consumer has not joined the group yet';
  private readonly failing = new Map<string, Failure>();

  constructor(private readonly health: HealthRegistry) {}

  onModuleInit(): void {
    this.health.register('consumer', async () => {
      if (!this.running) throw new Error(this.reason);
      const [first] = this.failing;
      if (first) {
        const [partition, failure] = first;
        throw new Error(`${partition} is retrying after ${failure.code} (attempt ${failure.attempts})`);
      }
    });
  }

  /** A new generation: partitions that were failing may now be another replica's. */
  joined(): void {
    this.running = true;
    this.failing.clear();
  }

  stopped(reason: string): void {
    this.running = false;
    this.reason = reason;
    this.failing.clear();
  }

  /** Returns the attempt number of this failure of the partition (1 for the first). */
  failed(source: SourcePartition, code: string): number {
    const key = `${source.topic}[${source.partition}]`;
    const attempts = (this.failing.get(key)?.attempts ?? 0) + 1;
    this.failing.set(key, { code, attempts });
    return attempts;
  }

  succeeded(source: SourcePartition): void {
    this.failing.delete(`${source.topic}[${source.partition}]`);
  }

  get isReady(): boolean {
    return this.running && this.failing.size === 0;
  }
}
