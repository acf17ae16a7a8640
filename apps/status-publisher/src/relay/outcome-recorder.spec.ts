import { Logger } from '@nestjs/common';
import { PublisherDb } from '../database/publisher-db';
import { AttemptOutcome, OutboxRepository } from '../outbox/outbox.repository';
import { OutboxRow } from '../outbox/outbox.types';
import { OutcomeRecorder } from './outcome-recorder';

/** An outbox whose FINISH fails `failures` times (the database away), then records every row. */
function flakyOutbox(failures: number): OutboxRepository & { calls: number } {
  const outbox = {
    calls: 0,
    finish: async (_db: PublisherDb, _replicaId: string, outcomes: readonly AttemptOutcome[]) => {
      outbox.calls += 1;
      if (outbox.calls <= failures) throw new Error('connection terminated');
      return new Set(outcomes.map((outcome) => outcome.row.id));
    },
  };
  return outbox as unknown as OutboxRepository & { calls: number };
}

const delivered = (id: string): AttemptOutcome => ({
  kind: 'delivered',
  row: { id, orderId: `order-${id}`, commandId: `command-${id}`, traceparent: null } as OutboxRow,
  answer: { status: 202, body: null },
});

describe('OutcomeRecorder', () => {
  // Each failed try is logged; the tests make many.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  it('keeps trying to record an answered PUT while the database is away, however long that takes', async () => {
    // Given a database that refuses the recording 12 times in a row (more than any fixed bound of tries)
    const outbox = flakyOutbox(12);
    const recorder = new OutcomeRecorder({} as PublisherDb, outbox, 'r1', [1, 2, 5]);
    // When an outcome is recorded / Then it is, once the database answers again
    await expect(recorder.record(delivered('1'))).resolves.toBe(true);
    expect(outbox.calls).toBe(13);
  });

  it('gives up on outcomes it cannot record once closed, so shutdown is not held forever', async () => {
    // Given a database that never answers
    const outbox = flakyOutbox(Number.POSITIVE_INFINITY);
    const recorder = new OutcomeRecorder({} as PublisherDb, outbox, 'r1', [5]);
    const recording = recorder.record(delivered('2'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    // When the recorder closes / Then the outcome is reported as not recorded (the row will be sent again)
    recorder.close();
    await expect(recording).resolves.toBe(false);
  });
});
