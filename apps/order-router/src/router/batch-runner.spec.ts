import type { Batch, EachBatchPayload, KafkaMessage, Message } from 'kafkajs';
import { TOPICS } from '@dropship/messaging';
import { HealthRegistry, MetricsRegistry } from '@dropship/platform';
import type { SourcePartition } from '../ledger/order-ledger';
import { kafkaMessage } from '../testing/fake-ledger';
import { BatchOutput, BatchPlan, emptyTally } from './batch-plan';
import { BatchRunner } from './batch-runner';
import { ConsumerState } from './consumer-state';
import { PartitionSession, PartitionSessions } from './partition-sessions';
import { Planners } from './planners';
import { ReceivedGate } from './received-gate';
import { LedgerAnswerError, PublishFailedError } from './router.errors';
import { RouterMetrics } from './router.metrics';

const TOPIC = TOPICS.orderCreated;

interface Harness {
  runner: BatchRunner;
  health: HealthRegistry;
  commits: { records: number; nextOffset: string }[];
  planned: string[][];
  invalidated: SourcePartition[];
  session: FakeSession;
  plan: (messages: readonly KafkaMessage[]) => BatchPlan | Promise<BatchPlan>;
}

/** The partition's session as the runner sees it; `nextCommit` decides how the next commit ends. */
interface FakeSession {
  committed: string | null;
  position: string | null;
  usable: boolean;
  inFlight: Promise<boolean>;
  nextCommit?: Promise<void>;
}

function harness(): Harness {
  const health = new HealthRegistry();
  const state = new ConsumerState(health);
  state.onModuleInit();
  state.joined();
  const commits: Harness['commits'] = [];
  const invalidated: SourcePartition[] = [];
  const planned: string[][] = [];
  const session: FakeSession = { committed: null, position: null, usable: true, inFlight: Promise.resolve(true) };
  const h: Harness = {
    runner: undefined as unknown as BatchRunner,
    health,
    commits,
    planned,
    invalidated,
    session,
    plan: (messages) => ({ output: outputOf(1), tally: emptyTally(), held: false, nextOffset: next(messages) }),
  };
  const partitionSession: PartitionSession = {
    get committed() {
      return session.committed;
    },
    get position() {
      return session.position;
    },
    get usable() {
      return session.usable;
    },
    settled: () => session.inFlight,
    commit: (topicMessages, nextOffset) => {
      commits.push({ records: topicMessages.reduce((sum, { messages }) => sum + messages.length, 0), nextOffset });
      session.position = nextOffset;
      const ending = session.nextCommit ?? Promise.resolve();
      session.nextCommit = undefined;
      const ended = ending.then(() => {
        session.committed = nextOffset;
      });
      session.inFlight = ended.then(
        () => true,
        () => {
          session.usable = false;
          return false;
        },
      );
      return ended;
    },
  };
  const sessions = {
    open: async () => partitionSession,
    invalidate: (source: SourcePartition) => invalidated.push(source),
  } as unknown as PartitionSessions;
  const planner = {
    plan: async (_source: SourcePartition, messages: readonly KafkaMessage[]) => {
      planned.push(messages.map((message) => message.offset));
      return await h.plan(messages);
    },
  };
  const planners = { of: () => planner } as unknown as Planners;
  const gate = { noteCommitted: () => undefined } as unknown as ReceivedGate;
  h.runner = new BatchRunner(sessions, planners, gate, state, new RouterMetrics(new MetricsRegistry('test')));
  return h;
}

function outputOf(records: number): BatchOutput {
  const output = new BatchOutput();
  for (let i = 0; i < records; i += 1) output.add(TOPICS.orders, { key: 'k', value: 'v' });
  return output;
}

function next(messages: readonly KafkaMessage[]): string {
  return String(Number(messages[messages.length - 1]?.offset) + 1);
}

function payload(offsets: number[]): EachBatchPayload & { resolved: string[]; paused: number; heartbeats: number } {
  const messages = offsets.map((offset) => kafkaMessage(offset, { key: 'k', value: 'v' } as Message));
  const batch = {
    topic: TOPIC,
    partition: 2,
    highWatermark: '100',
    messages,
    firstOffset: () => messages[0]?.offset ?? null,
    lastOffset: () => messages[messages.length - 1]?.offset ?? '0',
  } as unknown as Batch;
  const result = {
    batch,
    resolved: [] as string[],
    paused: 0,
    resolveOffset: (offset: string) => void result.resolved.push(offset),
    heartbeats: 0,
    heartbeat: async () => {
      result.heartbeats += 1;
    },
    pause: () => {
      result.paused += 1;
      return () => undefined;
    },
    commitOffsetsIfNecessary: async () => undefined,
    uncommittedOffsets: () => ({ topics: [] }),
    isRunning: () => true,
    isStale: () => false,
  };
  return result;
}

/** Lets the callbacks of settled commits run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const noSeek = (): void => {
  throw new Error('unexpected seek');
};

describe('BatchRunner', () => {
  it('commits the plan with the offset after the batch, then lets kafkajs move on', async () => {
    // Given a batch of three records / When run
    const h = harness();
    const batch = payload([10, 11, 12]);
    await h.runner.run(batch, noSeek);
    await settle();
    // Then one transaction carries the output and offset 13, and 12 is resolved
    expect(h.commits).toEqual([{ records: 1, nextOffset: '13' }]);
    expect(batch.resolved).toEqual(['12']);
    await expect(h.health.readiness()).resolves.toMatchObject({ ready: true });
  });

  it('skips the records a previous owner of the partition already committed', async () => {
    // Given a partition committed up to 12 (by a replica that owned it before)
    const h = harness();
    h.session.position = '12';
    // When a batch from 10 arrives / Then only 12 and later are planned
    await h.runner.run(payload([10, 11, 12, 13]), noSeek);
    expect(h.planned).toEqual([['12', '13']]);
  });

  it('moves past a batch that is entirely committed already, without a transaction', async () => {
    const h = harness();
    h.session.position = '20';
    const batch = payload([10, 11]);
    await h.runner.run(batch, noSeek);
    expect(h.commits).toEqual([]);
    expect(batch.resolved).toEqual(['19']);
  });

  it('reads from the committed offset again when the fetch position went past it', async () => {
    const h = harness();
    h.session.position = '5';
    const seeks: string[] = [];
    await h.runner.run(payload([10]), (offset) => seeks.push(offset));
    expect(seeks).toEqual(['5']);
    expect(h.planned).toEqual([]);
  });

  it('goes on from the oldest kept record when seeking back to the commit leads to the same place (retention deleted the rest)', async () => {
    // Given a committed offset of 5 whose records retention deleted: the fetch comes back at 10
    const h = harness();
    h.session.committed = h.session.position = '5';
    const seeks: string[] = [];
    await h.runner.run(payload([10, 11]), (offset) => seeks.push(offset));
    // When seeking back to 5 brings the same batch again
    const again = payload([10, 11]);
    await h.runner.run(again, (offset) => seeks.push(offset));
    // Then the router sought back once, then read on from 10 instead of looping
    expect(seeks).toEqual(['5']);
    expect(h.planned).toEqual([['10', '11']]);
    expect(again.resolved).toEqual(['11']);
  });

  it('pauses a failing partition, reports not ready, and recovers on a later success', async () => {
    // Given a ledger that is away
    const h = harness();
    h.plan = () => {
      throw new LedgerAnswerError('10');
    };
    const failing = payload([10]);

    // When the batch runs / Then nothing is resolved or dead-lettered, the partition pauses, readiness fails
    await h.runner.run(failing, noSeek);
    expect(failing.resolved).toEqual([]);
    expect(failing.paused).toBe(1);
    expect(h.invalidated).toEqual([{ topic: TOPIC, partition: 2 }]);
    const report = await h.health.readiness();
    expect(report.checks['consumer']?.error).toBe(`${TOPIC}[2] is retrying after LEDGER.INCOMPLETE_ANSWER (attempt 1)`);

    // And when the retry works, readiness is back
    h.plan = (messages) => ({ output: outputOf(0), tally: emptyTally(), held: false, nextOffset: next(messages) });
    await h.runner.run(payload([10]), noSeek);
    await settle();
    await expect(h.health.readiness()).resolves.toMatchObject({ ready: true });
  });

  it('is ready again when a retried batch turns out to be committed already', async () => {
    // Given a batch whose commit failed as far as the router could tell
    const h = harness();
    h.plan = () => {
      throw new LedgerAnswerError('10');
    };
    await h.runner.run(payload([10, 11]), noSeek);
    await expect(h.health.readiness()).resolves.toMatchObject({ ready: false });
    // When the retry finds it committed after all (the broker had committed the transaction)
    h.session.committed = h.session.position = '12';
    const retry = payload([10, 11]);
    await h.runner.run(retry, noSeek);
    // Then it is skipped and readiness is back, with no new records to wait for
    expect(retry.resolved).toEqual(['11']);
    await expect(h.health.readiness()).resolves.toMatchObject({ ready: true });
  });

  it('keeps heartbeating while a batch waits, so a slow Postgres does not get the member evicted', async () => {
    // Given a plan that takes 2.5 seconds (Postgres slow to answer)
    const h = harness();
    h.plan = async (messages) => {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      return { output: outputOf(1), tally: emptyTally(), held: false, nextOffset: next(messages) };
    };
    const batch = payload([10]);
    // When it runs
    await h.runner.run(batch, noSeek);
    // Then heartbeats went out meanwhile, about one a second (and the batch was committed)
    expect(batch.heartbeats).toBeGreaterThanOrEqual(2);
    expect(h.commits).toEqual([{ records: 1, nextOffset: '11' }]);
  });

  it('commits the part before a held report and pauses the partition briefly', async () => {
    const h = harness();
    h.plan = () => ({ output: outputOf(1), tally: emptyTally(), held: true, nextOffset: '11' });
    const batch = payload([10, 11, 12]);
    await h.runner.run(batch, noSeek);
    expect(h.commits).toEqual([{ records: 1, nextOffset: '11' }]);
    expect(batch.resolved).toEqual(['10']);
    expect(batch.paused).toBe(1);
  });

  it('plans the next batch while the previous one commits, and commits it only after that one', async () => {
    // Given a first batch whose transaction is still committing
    const h = harness();
    const first = deferred();
    h.session.nextCommit = first.promise;
    const firstBatch = payload([10, 11]);
    await h.runner.run(firstBatch, noSeek);
    expect(firstBatch.resolved).toEqual(['11']);

    // When the next batch runs / Then it is planned at once, but its transaction waits for the first
    const second = payload([12, 13]);
    const running = h.runner.run(second, noSeek);
    await settle();
    expect(h.planned).toEqual([
      ['10', '11'],
      ['12', '13'],
    ]);
    expect(h.commits.map((commit) => commit.nextOffset)).toEqual(['12']);
    first.resolve();
    await running;
    await settle();
    expect(h.commits.map((commit) => commit.nextOffset)).toEqual(['12', '14']);
    expect(second.resolved).toEqual(['13']);
  });

  it('sends the partition back to the start of a batch whose transaction failed, and commits nothing after it', async () => {
    // Given a first batch whose transaction will fail, and a second batch planned behind it
    const h = harness();
    h.session.position = '10';
    const first = deferred();
    h.session.nextCommit = first.promise;
    const seeks: string[] = [];
    const firstBatch = payload([10, 11]);
    await h.runner.run(firstBatch, (offset) => seeks.push(offset));
    const second = payload([12]);
    const running = h.runner.run(second, noSeek);

    // When the first transaction fails
    first.reject(new PublishFailedError('commit', new Error('broker away')));
    await running;
    await settle();

    // Then the partition is read again from 10 after a pause, the second batch is neither
    // committed nor resolved, and readiness reports the failure
    expect(seeks).toEqual(['10']);
    expect(firstBatch.paused).toBe(1);
    expect(h.invalidated).toEqual([{ topic: TOPIC, partition: 2 }]);
    expect(h.commits.map((commit) => commit.nextOffset)).toEqual(['12']);
    expect(second.resolved).toEqual([]);
    const report = await h.health.readiness();
    expect(report.checks['consumer']?.error).toBe(`${TOPIC}[2] is retrying after KAFKA.TRANSACTION_FAILED (attempt 1)`);
  });
});
