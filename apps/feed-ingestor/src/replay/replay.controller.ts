import { BadRequestException, Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { InvalidReplayRequestError, parseSince, ReplayAlreadyRunningError } from './replay.errors';
import { ReplayJobs, type ReplayJob } from './replay-jobs';

/**
 * `POST /admin/replay {"since": "<ISO time>"}` re-publishes every feed entry since that time for a
 * consumer that lost data; it answers 202 with the job, whose progress `GET /admin/replay/{id}` shows,
 * or 409 while another replay runs on this replica.
 */
@Controller('admin/replay')
export class ReplayController {
  constructor(private readonly jobs: ReplayJobs) {}

  @Post()
  @HttpCode(202)
  start(@Body() body: unknown): { jobId: string; statusUrl: string; job: ReplayJob } {
    let since: Date;
    try {
      since = parseSince(typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['since'] : undefined);
    } catch (error) {
      if (error instanceof InvalidReplayRequestError) throw new BadRequestException({ code: error.code, message: error.message });
      throw error;
    }
    let job: ReplayJob;
    try {
      job = this.jobs.start(since);
    } catch (error) {
      if (error instanceof ReplayAlreadyRunningError) throw new ConflictException({ code: error.code, message: error.message, jobId: error.jobId });
      throw error;
    }
    return { jobId: job.id, statusUrl: `/admin/replay/${job.id}`, job };
  }

  @Get()
  list(): { jobs: ReplayJob[] } {
    return { jobs: this.jobs.list() };
  }

  @Get(':id')
  get(@Param('id') id: string): ReplayJob {
    const job = this.jobs.get(id);
    if (job === undefined) throw new NotFoundException({ code: 'REPLAY.NOT_FOUND', message: `no replay job ${id} on this replica` });
    return job;
  }
}
