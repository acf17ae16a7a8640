import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { AppError } from '@dropship/platform';
import { decodeEvent, EVENT_TYPES, MessageDecodeError, recordTraceparent, traceparentFromHeaders } from '@dropship/messaging';
import { decodeCommand } from '../commands/command-decoder';
import { isDataError, sqlStateOf } from '../database/data-errors';
import { CommandService, RecordMeta } from '../commands/command.service';
import { OrderEventsService } from '../orders/order-events.service';
import { PublisherTopics } from './publisher-topics';

/** A handler failed for a reason a retry may fix (database away): the batch is read again. */
export class ConsumerRetriableError extends AppError {
  constructor(cause: unknown) {
    super('STATUS_PUBLISHER.HANDLER_FAILED', `handling a record failed: ${String(cause)}`, { retriable: true, cause });
  }
}

const START_RETRY_MS = 2_000;

/**
 * The kafkajs consumer (group `status-publisher`) of the commands and orders topics, read with
 * read_committed. Handlers are thin; each record is one Postgres transaction, and its offset is
 * resolved only after that transaction committed, so a crash re-reads it and the ledger (commands)
 * or the order's primary key and confirmation ids (orders) make the repeat harmless. A batch API
 * because Nest's transport dispatches one message at a time (style §5).
 */
export class PublisherConsumer {
  private readonly logger = new Logger(PublisherConsumer.name);
  private consumer?: Consumer;
  private joined = false;
  private crashed?: string;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: PublisherTopics,
    private readonly handlers: { commands: CommandService; orders: OrderEventsService },
    private readonly options: { concurrency: number; sessionTimeoutMs: number },
  ) {}

  /** Starts in the background: a broker still coming up makes readiness wait, not the start fail. */
  start(beforeRun: () => Promise<void>): void {
    void this.run(beforeRun);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.consumer?.disconnect().catch(() => undefined);
  }

  /** Readiness probe: the consumer has joined its group and has not crashed for good. */
  async check(): Promise<void> {
    if (this.crashed !== undefined) throw new Error(`consumer crashed: ${this.crashed}`);
    if (!this.joined) throw new Error('consumer has not joined its group yet');
  }

  private async run(beforeRun: () => Promise<void>): Promise<void> {
    if (this.stopped) return;
    try {
      await beforeRun();
      const { sessionTimeoutMs } = this.options;
      const consumer = this.kafka.consumer({
        groupId: this.topics.groupId,
        // Short waits for new records: a command's latency to iQmetrix starts when it is read.
        maxWaitTimeInMs: 100,
        readUncommitted: false,
        sessionTimeout: sessionTimeoutMs,
        heartbeatInterval: Math.floor(sessionTimeoutMs / 10),
      });
      this.consumer = consumer;
      consumer.on(consumer.events.GROUP_JOIN, () => {
        this.joined = true;
        this.crashed = undefined;
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => this.onCrash(payload.error, payload.restart));
      await consumer.connect();
      await consumer.subscribe({ topics: [this.topics.commands, this.topics.orders], fromBeginning: true });
      await consumer.run({
        partitionsConsumedConcurrently: this.options.concurrency,
        // Auto-resolve would mark a whole batch consumed even when eachBatch stopped early (shutdown,
        // rebalance): the records after the stop would be skipped. eachBatch resolves what it did.
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.eachBatch(payload),
      });
    } catch (error) {
      this.logger.warn({ msg: 'starting the consumer failed; retrying', reason: String(error), retryInMs: START_RETRY_MS });
      await this.consumer?.disconnect().catch(() => undefined);
      this.retryTimer = setTimeout(() => void this.run(beforeRun), START_RETRY_MS);
    }
  }

  private onCrash(error: Error, restart: boolean): void {
    this.joined = false;
    this.logger.error({ msg: 'consumer crashed', reason: error.message, restart });
    if (!restart) this.crashed = error.message;
  }

  private async eachBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) return;
      const meta: RecordMeta = {
        topic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        traceparent: traceparentFromHeaders(message.headers) ?? null,
      };
      try {
        await this.dispatch(message, meta);
      } catch (error) {
        // Values Postgres refuses fail the same way on every retry: log the position and go on.
        if (!isDataError(error)) throw new ConsumerRetriableError(error);
        this.logger.error({ msg: 'record cannot be stored, skipped', topic: meta.topic, partition: meta.partition, offset: meta.offset, sqlState: sqlStateOf(error) });
      }
      resolveOffset(message.offset);
      await heartbeat();
    }
    // The whole batch done: past its trailing control records (transaction markers) too, so the
    // committed offset reaches the end of a caught-up partition.
    resolveOffset(batch.lastOffset());
  }

  private async dispatch(message: KafkaMessage, meta: RecordMeta): Promise<void> {
    if (meta.topic === this.topics.commands) {
      const command = decodeCommand(message.value, message.key);
      const traceparent = meta.traceparent ?? (command.kind === 'command' ? (command.traceparent ?? null) : null);
      await this.handlers.commands.handle(command, { ...meta, traceparent });
      return;
    }
    let event;
    try {
      event = decodeEvent(message.value, { accept: [EVENT_TYPES.orderReceived, EVENT_TYPES.orderStatusConfirmed] });
    } catch (error) {
      if (!(error instanceof MessageDecodeError)) throw error;
      // The router's output breaking the contract is a bug upstream; no DLQ is ours to write to.
      this.logger.error({ msg: 'order event breaks the contract, skipped', topic: meta.topic, partition: meta.partition, offset: meta.offset, code: error.code, reason: error.reason });
      return;
    }
    if (event.type === EVENT_TYPES.orderReceived) await this.handlers.orders.received(event.data, recordTraceparent(message.headers, event) ?? null);
    else await this.handlers.orders.confirmed(event.data);
  }
}
