import { Injectable, Logger } from '@nestjs/common';
import type { EachBatchPayload, Message } from 'kafkajs';
import { TOPICS } from '@dropship/messaging';
import { describeError } from '@dropship/platform';
import type { SourcePartition } from '../ledger/order-ledger';
import type { BatchPlan } from './batch-plan';
import { ConsumerState } from './consumer-state';
import { offsetBefore, unreadMessages } from './input-records';
import { PartitionSessions } from './partition-sessions';
import { Planners } from './planners';
import { ReceivedGate } from './received-gate';
import { HOLD_RETRY_MS, retryDelayMs } from './retry-delay';
import { RouterMetrics } from './router.metrics';

/** As the consumer's heartbeatInterval: kafkajs sends a heartbeat at most this often anyway. */
const HEARTBEAT_DURING_BATCH_MS = 1_000;

/** Moves the consumer's fetch position of the batch's partition (consumer.seek). */
export type Seek = (offset: string) => void;

/**
 * Runs one kafkajs batch (one partition): plan it, then commit its records and its offset in the
 * partition's transaction, then let kafkajs move on. A transient failure (Postgres, Kafka) never
 * dead-letters anything: the partition is paused and read again from its last commit after a
 * growing delay, and readiness says so until a retry succeeds. The consumer keeps heartbeating
 * meanwhile, and other partitions go on.
 */
@Injectable()
export class BatchRunner {
  private readonly logger = new Logger(BatchRunner.name);
  /** Per partition, the committed offset its last batch sought back to. */
  private readonly soughtBack = new Map<string, string>();

  constructor(
    private readonly sessions: PartitionSessions,
    private readonly planners: Planners,
    private readonly gate: ReceivedGate,
    private readonly state: ConsumerState,
    private readonly metrics: RouterMetrics,
  ) {}

  async run(payload: EachBatchPayload, seek: Seek): Promise<void> {
    const { batch, isRunning, isStale } = payload;
    if (!isRunning() || isStale()) return;
    const source: SourcePartition = { topic: batch.topic, partition: batch.partition };
    const started = process.hrtime.bigint();
    const beating = this.keepHeartbeating(payload, source);
    try {
      const plan = await this.process(payload, source, seek);
      if (plan === undefined) return;
      this.state.succeeded(source);
      logPublished(this.logger, plan);
      this.metrics.batchDone(source.topic, plan.tally, Number(process.hrtime.bigint() - started) / 1e9);
      this.metrics.consumerLag(source.topic, source.partition, BigInt(batch.highWatermark) - BigInt(plan.nextOffset));
      if (plan.held) {
        this.metrics.statusHeld();
        pauseFor(payload, HOLD_RETRY_MS);
      }
      await payload.heartbeat();
    } catch (error) {
      this.onFailure(payload, source, error);
    } finally {
      clearInterval(beating);
    }
  }

  /**
   * kafkajs heartbeats only between batches and when asked. A batch waiting on Postgres or Kafka
   * (a statement times out after 15 s, a Kafka step retries for longer) would outlast the 10 s
   * session, and the group would evict this member and rebalance, again and again while every
   * replica waits on the same outage. A failed heartbeat (a rebalance has begun) is logged; the
   * runner's own heartbeat after the batch fails the same way and rejoins.
   */
  private keepHeartbeating(payload: EachBatchPayload, source: SourcePartition): NodeJS.Timeout {
    return setInterval(() => {
      payload.heartbeat().catch((error: unknown) => {
        this.logger.warn({ msg: 'heartbeat during a batch failed', ...source, ...describeError(error) });
      });
    }, HEARTBEAT_DURING_BATCH_MS);
  }

  private async process(payload: EachBatchPayload, source: SourcePartition, seek: Seek): Promise<BatchPlan | undefined> {
    const { batch, resolveOffset } = payload;
    const session = await this.sessions.open(source);
    const firstOffset = batch.messages[0]?.offset;
    if (session.committed !== null && firstOffset !== undefined && BigInt(session.committed) < BigInt(firstOffset)) {
      if (!this.seekBackFailed(source, session.committed)) {
        // The fetch position is past the committed offset (records were skipped): read from the commit.
        this.logger.warn({ msg: 'fetch position ahead of the committed offset; seeking back', ...source, committed: session.committed });
        this.soughtBack.set(keyOf(source), session.committed);
        seek(session.committed);
        return undefined;
      }
      // Seeking back led here again: the records from the commit on are gone (retention deleted
      // them before the router read them, and kafkajs reset to the oldest it has). Seeking again
      // would loop forever; what is gone cannot be read, so go on from here, loudly.
      this.logger.error({ msg: 'records after the committed offset were deleted before the router read them; going on from the oldest kept', ...source, committed: session.committed, firstKept: firstOffset });
    }
    this.soughtBack.delete(keyOf(source));
    const messages = unreadMessages(batch.messages, session.committed);
    if (messages.length === 0) {
      // Committed already, by another owner (read before this replica fenced it) or by this one's
      // failed-looking attempt whose commit went through: skip it, and a retry has succeeded.
      if (session.committed !== null) resolveOffset(offsetBefore(session.committed));
      this.state.succeeded(source);
      return undefined;
    }
    const plan = await this.planners.of(source.topic).plan(source, messages, batch.lastOffset());
    if (plan.output.size > 0 || plan.nextOffset !== session.committed) {
      await session.commit(plan.output.topicMessages(), plan.nextOffset);
    }
    resolveOffset(offsetBefore(plan.nextOffset));
    if (source.topic === TOPICS.orderCreated) this.gate.noteCommitted(source.partition, plan.nextOffset);
    return plan;
  }

  /** True when the last batch of the partition sought back to this same committed offset. */
  private seekBackFailed(source: SourcePartition, committed: string): boolean {
    return this.soughtBack.get(keyOf(source)) === committed;
  }

  private onFailure(payload: EachBatchPayload, source: SourcePartition, error: unknown): void {
    this.sessions.invalidate(source);
    if (!payload.isRunning()) return;
    const { code, message } = describeError(error);
    const attempt = this.state.failed(source, code);
    const delayMs = retryDelayMs(attempt);
    this.metrics.batchFailed(source.topic, code);
    this.logger.warn({ msg: 'batch failed; retrying', ...source, offset: payload.batch.firstOffset(), code, error: message, attempt, delayMs });
    pauseFor(payload, delayMs);
  }
}

/** Pauses the batch's partition; kafkajs fetches it again, from the unresolved offset, on resume. */
function pauseFor(payload: EachBatchPayload, delayMs: number): void {
  const resume = payload.pause();
  setTimeout(resume, delayMs).unref();
}

/**
 * One line per event committed to dropship.orders.v1 (its route copies are the same event), with
 * its trace, so a feed entry's trace can be followed from the ingestor's log to the PUT it causes.
 */
function logPublished(logger: Logger, plan: BatchPlan): void {
  for (const message of plan.output.messagesOf(TOPICS.orders)) {
    logger.log({ msg: 'order event published', orderId: message.key?.toString(), type: header(message, 'ce_type'), traceparent: header(message, 'traceparent') });
  }
}

function header(message: Message, name: string): string | undefined {
  const value = message.headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.toString();
}

function keyOf(source: SourcePartition): string {
  return `${source.topic}|${source.partition}`;
}
