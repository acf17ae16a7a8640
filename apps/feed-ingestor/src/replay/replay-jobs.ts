import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { describeError } from '@dropship/platform';
import { ReplayAlreadyRunningError } from './replay.errors';
import { ReplayRunner, type ReplayProgress } from './replay-runner';

export type ReplayState = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** What `GET /admin/replay/{id}` shows. */
export interface ReplayJob extends Partial<ReplayProgress> {
  id: string;
  since: string;
  state: ReplayState;
  startedAt: string;
  finishedAt?: string;
  error?: { code: string; message: string };
}

const KEPT_FINISHED_JOBS = 100;

/**
 * Replays started through the admin endpoint, run in the background by this replica, one at a
 * time, and kept in its memory (a job's status is asked of the replica that runs it). Shutdown
 * cancels a running job.
 */
@Injectable()
export class ReplayJobs implements OnModuleDestroy {
  private readonly logger = new Logger(ReplayJobs.name);
  private readonly jobs = new Map<string, ReplayJob>();
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(private readonly runner: ReplayRunner) {}

  /** @throws ReplayAlreadyRunningError while another replay runs here (one at a time per replica). */
  start(since: Date): ReplayJob {
    const [runningId] = this.running.keys();
    if (runningId !== undefined) throw new ReplayAlreadyRunningError(runningId);
    const job: ReplayJob = { id: randomUUID(), since: since.toISOString(), state: 'running', startedAt: new Date().toISOString() };
    this.jobs.set(job.id, job);
    const controller = new AbortController();
    const done = this.execute(job, since, controller.signal).finally(() => this.running.delete(job.id));
    this.running.set(job.id, { controller, done });
    this.forgetOldJobs();
    return { ...job };
  }

  get(id: string): ReplayJob | undefined {
    const job = this.jobs.get(id);
    return job === undefined ? undefined : { ...job };
  }

  list(): ReplayJob[] {
    return [...this.jobs.values()].map((job) => ({ ...job }));
  }

  async onModuleDestroy(): Promise<void> {
    for (const { controller } of this.running.values()) controller.abort();
    await Promise.all([...this.running.values()].map(({ done }) => done));
  }

  private async execute(job: ReplayJob, since: Date, signal: AbortSignal): Promise<void> {
    this.logger.log({ msg: 'replay started', job: job.id, since: job.since });
    try {
      const progress = await this.runner.run(since, {
        signal,
        onProgress: (update) => {
          Object.assign(job, update);
          this.logger.log({ msg: 'replay progress', job: job.id, ...update });
        },
      });
      Object.assign(job, progress, { state: 'succeeded' });
      this.logger.log({ msg: 'replay finished', job: job.id, ...progress });
    } catch (error) {
      job.state = signal.aborted ? 'cancelled' : 'failed';
      job.error = describeError(error);
      this.logger.error({ msg: `replay ${job.state}`, job: job.id, ...job.error });
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED_JOBS))) this.jobs.delete(job.id);
  }
}
