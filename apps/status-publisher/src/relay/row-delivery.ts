import { Logger } from '@nestjs/common';
import { PublisherMetrics } from '../maintenance/publisher-metrics';
import { AttemptOutcome } from '../outbox/outbox.repository';
import { OutboxRow } from '../outbox/outbox.types';
import { BackoffSettings, FailureAction, failureAction } from './failure-policy';
import { IqmetrixAccess } from './iqmetrix-access';
import { OutcomeRecorder } from './outcome-recorder';
import { StatusSender } from './status-sender';

export interface RowDeliveryOptions {
  backoff: BackoffSettings;
  /** Called when iQmetrix asks everybody to wait (429 with a reset). */
  pauseAll: (ms: number) => void;
  /** Called with the delay of every retry scheduled, so the relay wakes when it is due. */
  retryScheduled: (delayMs: number) => void;
  /** Called after a result was recorded (delivered or failed), to wake the results publisher. */
  resultRecorded: () => void;
}

type Outcome = AttemptOutcome['kind'] | 'retry';

/** One attempt at one claimed row: the PUT, then its outcome recorded under the lease's fence. */
export class RowDelivery {
  private readonly logger = new Logger(RowDelivery.name);

  constructor(
    private readonly sender: StatusSender,
    private readonly recorder: OutcomeRecorder,
    private readonly observers: { metrics: PublisherMetrics; access: IqmetrixAccess },
    private readonly options: RowDeliveryOptions,
  ) {}

  /**
   * Sends the row and records the outcome. `sent` is called as soon as iQmetrix has answered (or
   * the call failed), before the outcome is recorded: the connection is free for the next PUT.
   */
  async deliver(row: OutboxRow, sent: () => void = () => undefined): Promise<void> {
    const started = performance.now();
    // The order id and traceparent on the PUT's log line tie it to the command's trace (issue 7).
    const trace = { outboxId: row.id, orderId: row.orderId, commandId: row.commandId, attempt: row.attemptsStarted, traceparent: row.traceparent };
    let answer;
    try {
      answer = await this.sender.send(row);
    } catch (error) {
      sent();
      const action = failureAction(error, row.attemptsFinished + 1, this.options.backoff);
      await this.failed(row, action, { trace, latencyMs: performance.now() - started });
      return;
    }
    sent();
    const latencyMs = performance.now() - started;
    this.observers.access.accepted();
    this.observe('delivered', latencyMs);
    const held = await this.recorder.record({ kind: 'delivered', row, answer });
    if (held && row.commandId !== null) this.options.resultRecorded();
    this.logger.log({ msg: 'status PUT delivered', ...trace, status: answer.status, latencyMs: Math.round(latencyMs), recorded: held });
  }

  private async failed(row: OutboxRow, action: FailureAction, context: { trace: Record<string, unknown>; latencyMs: number }): Promise<void> {
    const { trace, latencyMs } = context;
    if (action.kind === 'retry') {
      if (action.reason === 'auth') this.observers.access.refused(action.error);
      if (action.pauseAllMs !== undefined) this.options.pauseAll(action.pauseAllMs);
      this.observers.metrics.retries.inc({ reason: action.reason });
      this.observe('retry', latencyMs);
      await this.recorder.record({ kind: 'retry', row, delayMs: action.delayMs, error: action.error, status: action.status });
      this.options.retryScheduled(action.delayMs);
      this.logger.warn({ msg: 'status PUT will be retried', ...trace, reason: action.reason, status: action.status, retryInMs: action.delayMs, error: action.error });
      return;
    }
    if (action.kind === 'failed') {
      this.observe('failed', latencyMs);
      if (await this.recorder.record({ kind: 'failed', row, answer: action.answer, error: action.error })) this.options.resultRecorded();
      this.logger.error({ msg: 'status PUT refused by iQmetrix; row failed', ...trace, status: action.answer.status });
      return;
    }
    this.observe('park', latencyMs);
    await this.recorder.record({ kind: 'park', row, error: action.error });
    this.logger.error({ msg: 'status PUT parked for an operator', ...trace, error: action.error });
  }

  private observe(outcome: Outcome, latencyMs: number): void {
    const label = outcome === 'park' ? 'parked' : outcome;
    this.observers.metrics.puts.inc({ outcome: label });
    this.observers.metrics.putDuration.observe({ outcome: label }, latencyMs / 1000);
  }
}
