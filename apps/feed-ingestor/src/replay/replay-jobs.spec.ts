import { Logger } from '@nestjs/common';
import { ReplayAlreadyRunningError } from './replay.errors';
import { ReplayJobs } from './replay-jobs';
import type { ReplayRunner } from './replay-runner';

describe('ReplayJobs', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  it('runs one replay at a time: another is refused while one runs, and accepted once it ended', async () => {
    // Given a replay that runs until released
    let finish!: () => void;
    const runner = { run: () => new Promise((resolve) => (finish = () => resolve({ pages: 1, published: 0 }))) } as unknown as ReplayRunner;
    const jobs = new ReplayJobs(runner);
    const first = jobs.start(new Date('2024-01-15T12:00:00Z'));
    // When another is asked for meanwhile / Then it is refused, naming the running one
    expect(() => jobs.start(new Date('2024-01-15T13:00:00Z'))).toThrow(new ReplayAlreadyRunningError(first.id));
    // And once the first has ended, a new one starts
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(jobs.get(first.id)?.state).toBe('succeeded');
    expect(jobs.start(new Date('2024-01-15T13:00:00Z')).state).toBe('running');
    finish();
    await jobs.onModuleDestroy();
  });
});
