import { BadRequestException, Controller, Get, HttpCode, NotFoundException, ConflictException, Param, Post, Query } from '@nestjs/common';
import { PublisherDb } from '../database/publisher-db';
import { OUTBOX_STATES } from '../outbox/outbox.types';
import { ListableState, OutboxAdminRepository } from './outbox-admin.repository';

const LISTABLE = OUTBOX_STATES.filter((state) => state !== 'delivered') as ListableState[];
const MAX_LIMIT = 1_000;

/**
 * Operators' view of the outbox (contract: admin operations on the service port under /admin).
 * The same operations are CLI commands (`main.js outbox …`).
 */
@Controller('admin')
export class OutboxAdminController {
  constructor(
    private readonly db: PublisherDb,
    private readonly admin: OutboxAdminRepository,
  ) {}

  @Get('outbox')
  async list(@Query('state') state = 'pending', @Query('limit') limit = '100', @Query('orderId') orderId?: string) {
    if (!LISTABLE.includes(state as ListableState)) throw new BadRequestException(`state must be one of ${LISTABLE.join(', ')}`);
    const count = Number(limit);
    if (!Number.isInteger(count) || count < 1 || count > MAX_LIMIT) throw new BadRequestException(`limit must be 1-${MAX_LIMIT}`);
    const rows = await this.admin.list(this.db, { state: state as ListableState, limit: count, orderId });
    return { state, count: rows.length, rows };
  }

  @Post('outbox/requeue-failed')
  @HttpCode(200)
  async requeueFailed() {
    return { requeued: await this.admin.requeueFailed(this.db) };
  }

  @Post('outbox/:id/requeue')
  @HttpCode(200)
  async requeue(@Param('id') id: string) {
    const outcome = await this.admin.requeue(this.db, id);
    if (outcome === 'not-found') throw new NotFoundException(`outbox row ${id} not found`);
    if (outcome === 'delivered') throw new ConflictException(`outbox row ${id} was delivered already`);
    if (outcome === 'in-flight') throw new ConflictException(`outbox row ${id} is being sent right now`);
    return { requeued: 1, id };
  }

  @Post('orders/:orderId/requeue')
  @HttpCode(200)
  async requeueOrder(@Param('orderId') orderId: string) {
    return { requeued: await this.admin.requeueOrder(this.db, orderId), orderId };
  }
}
