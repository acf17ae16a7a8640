import { Injectable, Logger } from '@nestjs/common';
import type { EachBatchPayload } from 'kafkajs';
import { TOPICS } from '@dropship/messaging';
import { describeError } from '@dropship/platform';
import type { SourcePartition } from '../ledger/order-ledger';
import type { BatchPlan } from './batch-plan';
import { ConsumerState } from './consumer-state';
import { offsetBefore, unreadMessages } from './input-records';
import { PartitionSession, PartitionSessions } from './partition-sessions';
import { Planners } from './planners';
import { ReceivedGate } from './received-gate';
import { logPublished } from './published-log';
import { HOLD_RETRY_MS, retryDelayMs } from './retry-delay';
import { RouterMetrics } from './router.metrics';

/** As the consumer's heartbeatInterval: kafkajs sends a heartbeat at most this often anyway. */
const HEARTBEAT_DURING_BATCH_MS = 1_000;

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

  private async plan(payload: EachBatchPayload, source: SourcePartition, seek: Seek): Promise<PlannedBatch | undefined> {
    const { batch, resolveOffset } = payload;
    const session = await this.sessions.open(source);
    const { position } = session;
    const firstOffset = batch.messages[0]?.offset;
    if (position !== null && firstOffset !== undefined && BigInt(position) < BigInt(firstOffset)) {
      if (!this.seekBackFailed(source, position)) {
        // The fetch position is past the partition's position (records were skipped): read from there.
        this.logger.warn({ msg: 'fetch position ahead of the committed offset; seeking back', ...source, committed: position });
        this.soughtBack.set(keyOf(source), position);
        seek(position);
        return undefined;
      }
      // Seeking back led here again: the records from the commit on are gone (retention deleted
      // them before the router read them, and kafkajs reset to the oldest it has). Seeking again
      // would loop forever; what is gone cannot be read, so go on from here, loudly.
      this.logger.error({ msg: 'records after the committed offset were deleted before the router read them; going on from the oldest kept', ...source, committed: position, firstKept: firstOffset });
    }
    this.soughtBack.delete(keyOf(source));
    const messages = unreadMessages(batch.messages, position);
    const first = messages[0];
    if (first === undefined) {
      // Committed already, by another owner (read before this replica fenced it) or by this one's
      // failed-looking attempt whose commit went through: skip it, and a retry has succeeded.
      if (position !== null) resolveOffset(offsetBefore(position));
      this.state.succeeded(source);
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

function keyOf(source: SourcePartition): string {
  return `${source.topic}|${source.partition}`;
}
