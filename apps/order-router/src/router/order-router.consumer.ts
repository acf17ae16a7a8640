import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Consumer, Kafka } from 'kafkajs';
import { ensureTopics, KafkaAdmin, TOPICS } from '@dropship/messaging';
import { describeError } from '@dropship/platform';
import { BatchRunner } from './batch-runner';
import { ConsumerSupport } from './consumer-support';
import { PartitionSessions } from './partition-sessions';
import { retryDelayMs } from './retry-delay';
import { ROUTER_GROUP_ID } from './router-settings';

const INPUT_TOPICS = [TOPICS.orderCreated, TOPICS.orderStatusUpdated];

/**
 * Owns the router's kafkajs consumer (style §5: a batch consumer owned by a Nest provider, since
 * the Nest transport has no batch mode). It starts after the app is up, so that /health answers
 * while the broker is still away, and retries until it runs. Offsets are never auto-committed:
 * each batch commits them in its own transaction (BatchRunner).
 */
@Injectable()
export class OrderRouterConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OrderRouterConsumer.name);
  private consumer?: Consumer;
  private closing = false;
  private startAttempts = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    private readonly kafka: Kafka,
    private readonly kafkaAdmin: KafkaAdmin,
    private readonly runner: BatchRunner,
    private readonly sessions: PartitionSessions,
    private readonly support: ConsumerSupport,
  ) {}

  onApplicationBootstrap(): void {
    void this.start();
  }

  /** First of the shutdown hooks, while the clients it uses are still connected. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restartTimer);
    // Waits for the batches in flight, then leaves the group so partitions move at once.
    await this.consumer?.disconnect().catch(() => undefined);
    await this.sessions.closeAll();
  }

  private async start(): Promise<void> {
    if (this.closing) return;
    try {
      await this.kafkaAdmin.admin.connect();
      await ensureTopics(this.kafkaAdmin.admin, this.support.topics().map((topic) => ({ topic })), this.support.partitions);
      const consumer = this.createConsumer();
      this.consumer = consumer;
      await consumer.connect();
      await consumer.subscribe({ topics: INPUT_TOPICS, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 6,
        eachBatch: (payload) =>
          this.runner.run(payload, (offset) => consumer.seek({ topic: payload.batch.topic, partition: payload.batch.partition, offset })),
      });
      this.startAttempts = 0;
    } catch (error) {
      this.scheduleRestart(`could not start: ${describeError(error).message}`);
    }
  }

  private createConsumer(): Consumer {
    const consumer = this.kafka.consumer({
      groupId: ROUTER_GROUP_ID,
      readUncommitted: false,
      // A replica that dies without leaving holds its partitions until its session expires.
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      // Bounds how long a resumed partition waits for the next fetch.
      maxWaitTimeInMs: 500,
    });
    const { state } = this.support;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.sessions.onAssignment(payload.memberAssignment);
      state.joined();
      this.logger.log({ msg: 'joined the consumer group', memberId: payload.memberId, assignment: payload.memberAssignment });
    });
    consumer.on(consumer.events.STOP, () => state.stopped('the consumer stopped'));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      state.stopped(`the consumer crashed: ${payload.error.message}`);
      // kafkajs restarts by itself after retriable errors; after any other, so do we.
      if (!payload.restart) this.scheduleRestart(`crashed: ${payload.error.message}`);
    });
    return consumer;
  }

  private scheduleRestart(reason: string): void {
    if (this.closing) return;
    this.startAttempts += 1;
    const delayMs = retryDelayMs(this.startAttempts);
    this.logger.warn({ msg: 'consumer not running; starting again', reason, attempt: this.startAttempts, delayMs });
    this.support.state.stopped(`the consumer is not running (${reason})`);
    const previous = this.consumer;
    this.consumer = undefined;
    this.restartTimer = setTimeout(() => {
      void (previous?.disconnect().catch(() => undefined) ?? Promise.resolve()).then(() => this.start());
    }, delayMs);
  }
}
