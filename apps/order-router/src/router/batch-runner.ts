import { Injectable, Logger } from '@nestjs/common';
import type { EachBatchPayload, Message } from 'kafkajs';
import { TOPICS } from '@dropship/messaging';
import { describeError } from '@dropship/platform';
import type { SourcePartition } from '../ledger/order-ledger';
import type { BatchPlan } from './batch-plan';
import { ConsumerState } from './consumer-state';
import { offsetBefore, unreadMessages } from './input-records';
import { PartitionSession, PartitionSessions } from './partition-sessions';
import { Planners } from './planners';
import { ReceivedGate } from './received-gate';
import { HOLD_RETRY_MS, retryDelayMs } from './retry-delay';
import { RouterMetrics } from './router.metrics';

/** Moves the consumer's fetch position of the batch's partition (consumer.seek). */
export type Seek = (offset: string) => void;

/** A batch planned against its partition's session, ready to commit. */
interface PlannedBatch {
  session: PartitionSession;
  plan: BatchPlan;
  /** Where the batch starts: the partition goes back here if its transaction fails. */
  from: string;
}

/**
 * Runs one kafkajs batch (one partition): plan it, then commit its records and its offset in the
 * partition's transaction. kafkajs fetches again only when every partition's batch has returned,
 * so a batch returns as soon as its transaction has started, and the next batch is fetched and
 * planned while it commits; it waits for that commit before starting its own, so transactions
 * commit in offset order. When a transaction fails, the batches after it are not committed: the
 * partition goes back to where the failed batch started.
 *
 * A transient failure (Postgres, Kafka) never dead-letters anything: the partition is paused and
 * read again from its last commit after a growing delay, and readiness says so until a retry
 * succeeds. The consumer keeps heartbeating meanwhile, and other partitions go on.
 */
@Injectable()
export class BatchRunner {
  private readonly logger = new Logger(BatchRunner.name);

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
    try {
      const planned = await this.plan(payload, source, seek);
      if (planned === undefined) return;
      // A failed earlier transaction already sent the partition back; a renewed session reads it again.
      if (!(await planned.session.settled()) || !planned.session.usable) return;
      this.commitBehind(payload, source, planned, { started, seek });
      payload.resolveOffset(offsetBefore(planned.plan.nextOffset));
      if (planned.plan.held) {
        this.metrics.statusHeld();
        pauseFor(payload, HOLD_RETRY_MS);
      }
      await payload.heartbeat();
    } catch (error) {
      this.onFailure(payload, source, error);
    }
  }

  private async plan(payload: EachBatchPayload, source: SourcePartition, seek: Seek): Promise<PlannedBatch | undefined> {
    const { batch, resolveOffset } = payload;
    const session = await this.sessions.open(source);
    const { position } = session;
    const firstOffset = batch.messages[0]?.offset;
    if (position !== null && firstOffset !== undefined && BigInt(position) < BigInt(firstOffset)) {
      // The fetch position is past the partition's position (records were skipped): read from there.
      this.logger.warn({ msg: 'fetch position ahead of the committed offset; seeking back', ...source, committed: position });
      seek(position);
      return undefined;
    }
    const messages = unreadMessages(batch.messages, position);
    const first = messages[0];
    if (first === undefined) {
      // Another owner committed this batch already (read before this replica fenced it): skip it.
      if (position !== null) resolveOffset(offsetBefore(position));
      return undefined;
    }
    const plan = await this.planners.of(source.topic).plan(source, messages, batch.lastOffset());
    return { session, plan, from: position ?? first.offset };
  }

  /** Starts the batch's transaction (after the session's previous one) and reports how it ended. */
  private commitBehind(payload: EachBatchPayload, source: SourcePartition, planned: PlannedBatch, run: { started: bigint; seek: Seek }): void {
    const { session, plan, from } = planned;
    const needed = plan.output.size > 0 || plan.nextOffset !== session.position;
    const committing = needed ? session.commit(plan.output.topicMessages(), plan.nextOffset) : Promise.resolve();
    committing
      .then(
        () => this.onCommitted(payload, source, plan, run.started),
        (error: unknown) => this.onCommitFailed(payload, source, { from, error, seek: run.seek }),
      )
      .catch((error: unknown) => {
        // A bug in the bookkeeping after the transaction (metrics, log): the transaction's outcome stands.
        this.logger.error({ msg: 'could not record the end of a batch transaction', ...source, error: describeError(error).message });
      });
  }

  private onCommitted(payload: EachBatchPayload, source: SourcePartition, plan: BatchPlan, started: bigint): void {
    if (source.topic === TOPICS.orderCreated) this.gate.noteCommitted(source.partition, plan.nextOffset);
    this.state.succeeded(source);
    logPublished(this.logger, plan);
    this.metrics.batchDone(source.topic, plan.tally, Number(process.hrtime.bigint() - started) / 1e9);
    this.metrics.consumerLag(source.topic, source.partition, BigInt(payload.batch.highWatermark) - BigInt(plan.nextOffset));
  }

  /** The batch was resolved when its transaction started: the partition is read again from its start. */
  private onCommitFailed(payload: EachBatchPayload, source: SourcePartition, failure: { from: string; error: unknown; seek: Seek }): void {
    if (payload.isRunning()) {
      try {
        failure.seek(failure.from);
      } catch (error) {
        // Only when the consumer is stopping: the partition's next owner starts from the group's commit.
        this.logger.warn({ msg: 'could not seek back after a failed transaction', ...source, offset: failure.from, error: describeError(error).message });
      }
    }
    this.onFailure(payload, source, failure.error);
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
