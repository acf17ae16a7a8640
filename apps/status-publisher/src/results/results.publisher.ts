import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { Kafka, Producer } from 'kafkajs';
import { KafkaRecord } from '@dropship/messaging';
import { PublisherDb } from '../database/publisher-db';
import { PgListener } from '../database/pg-listener';
import { PublisherMetrics } from '../maintenance/publisher-metrics';
import { WakeSignal } from '../relay/wake-signal';
import { resultRecord } from './result-event';
import { PendingResult, ResultOutboxRepository } from './result-outbox.repository';

export interface ResultsPublisherSettings {
  topic: string;
  transactionalId: string;
  pollIntervalMs: number;
  /** Advisory-lock key: one publisher at a time keeps the results of an order in order. */
  leaderKey: string;
}

const BATCH = 500;
const LEADER_RETRY_MS = 2_000;
// A Kafka transaction costs several round trips and the broker about the same CPU whatever it
// holds (AddPartitionsToTxn, EndTxn, the coordinator's log, a marker per partition: 8-10 ms of
// the local broker's CPU per transaction, measured on the 2-core dev machine, with 1 or 30
// records). So transactions start at most this often: a result that finds the publisher idle goes
// out at once, and under load the results of ~100 ms share one transaction. At 25 ms apart the
// broker spent about a quarter of a core on the results of ~900 PUT/s; a transaction started
// right after the previous one also met CONCURRENT_TRANSACTIONS, which kafkajs retries ~300 ms later.
export const MIN_TRANSACTION_INTERVAL_MS = 100;

/**
 * Publishes result rows in id order, one Kafka transaction per batch, and then marks them published.
 * Only the replica holding the advisory lock publishes, so `accepted` always precedes `delivered`
 * for a command; a crash between the Kafka commit and the mark publishes a batch again, with the
 * same event ids. The fixed transactional id fences a former leader that has not noticed yet.
 */
export class ResultsPublisher {
  private readonly logger = new Logger(ResultsPublisher.name);
  private readonly signal = new WakeSignal();
  private readonly stopping = new AbortController();
  private producer?: Producer;
  private leader = false;
  private running = false;
  private loopDone?: Promise<void>;

  constructor(
    private readonly kafka: Kafka,
    private readonly db: PublisherDb,
    private readonly listener: PgListener,
    private readonly results: ResultOutboxRepository,
    private readonly observers: { metrics: PublisherMetrics; settings: ResultsPublisherSettings },
  ) {
    listener.onConnected(() => {
      this.leader = false;
    });
  }

  start(): void {
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    this.signal.wake();
    await this.loopDone;
    await this.producer?.disconnect().catch(() => undefined);
  }

  wake(): void {
    this.signal.wake();
  }

  private async loop(): Promise<void> {
    const { pollIntervalMs } = this.observers.settings;
    while (this.running) {
      const startedAt = performance.now();
      const round = await this.round();
      if (round === 'full') continue;
      if (round === 'follower' || round === 'failed') await this.pause(LEADER_RETRY_MS);
      else await this.signal.wait(pollIntervalMs);
      await this.pause(startedAt + MIN_TRANSACTION_INTERVAL_MS - performance.now());
    }
  }

  /** One publishing round: a full batch (more may wait), idle, not the leader, or failed. */
  private async round(): Promise<'full' | 'idle' | 'follower' | 'failed'> {
    try {
      if (!(await this.isLeader())) return 'follower';
      return (await this.publishBatch()) === BATCH ? 'full' : 'idle';
    } catch (error) {
      this.logger.warn({ msg: 'publishing status results failed; retrying', reason: String(error) });
      await this.resetProducer();
      return 'failed';
    }
  }

  /** Sleeps, unless the publisher stops meanwhile. */
  private async pause(ms: number): Promise<void> {
    if (ms <= 0) return;
    await sleep(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined);
  }

  private async isLeader(): Promise<boolean> {
    if (!this.leader) this.leader = await this.listener.tryLock(this.observers.settings.leaderKey);
    return this.leader && this.listener.connected;
  }

  private async publishBatch(): Promise<number> {
    const pending = await this.results.unpublished(this.db, BATCH);
    if (pending.length === 0) return 0;
    const records = pending.flatMap((result) => this.recordOf(result));
    if (records.length > 0) await this.sendInTransaction(records);
    await this.results.markPublished(this.db, pending.map((result) => result.id));
    this.observers.metrics.resultsPublished.inc(records.length);
    return pending.length;
  }

  private recordOf(result: PendingResult): KafkaRecord[] {
    try {
      return [resultRecord(result)];
    } catch (error) {
      // A stored result that breaks the contract is a bug; publishing it would break subscribers.
      this.logger.error({ msg: 'status result breaks its schema; not published', commandId: result.data.commandId, error: String(error) });
      return [];
    }
  }

  private async sendInTransaction(messages: KafkaRecord[]): Promise<void> {
    const producer = await this.connectedProducer();
    const transaction = await producer.transaction();
    try {
      await transaction.send({ topic: this.observers.settings.topic, messages });
      await transaction.commit();
    } catch (error) {
      await transaction.abort().catch(() => undefined);
      throw error;
    }
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      transactionalId: this.observers.settings.transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    this.producer = producer;
    return producer;
  }

  private async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}
