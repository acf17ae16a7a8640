import { createEvent, decodeEvent, ensureTopics, EVENT_TYPES, FIXED_TOPICS, toKafkaMessage, TOPICS } from '@dropship/messaging';
import { Admin, Consumer, Kafka, Producer } from 'kafkajs';
import { OrderPlan, planOrder, PlannedCommand } from './command-plan';

export interface ObservedResults {
  /** commandId → outcomes in arrival order (duplicates kept, to be counted). */
  outcomes: Map<string, string[]>;
  /** orderId → how many dropship.order.received events carried it. */
  received: Map<string, number>;
}

/**
 * The internal warehouse of the end-to-end run: reacts to dropship.orders.v1 (read_committed) with
 * each order's planned commands, one after another, and records every result the connector
 * reports. Only orders of this run (`orderIds`) are handled; other records on the shared topics
 * (earlier runs) are ignored.
 */
export class EndToEndWarehouse {
  readonly plans = new Map<string, OrderPlan>();
  readonly observed: ObservedResults = { outcomes: new Map(), received: new Map() };
  /** Commands the warehouse could not send (the run fails on any). */
  readonly sendFailures: string[] = [];
  private readonly admin: Admin;
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly pending = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    kafka: Kafka,
    private readonly orderIds: ReadonlySet<string>,
    private readonly options: { seed: string; stepDelayMs: number },
  ) {
    this.admin = kafka.admin();
    this.consumer = kafka.consumer({ groupId: `e2e-warehouse-${options.seed}`, maxWaitTimeInMs: 500 });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async start(): Promise<void> {
    await Promise.all([this.admin.connect(), this.consumer.connect(), this.producer.connect()]);
    // It subscribes before the services run (whose setup creates the topics): on a fresh broker
    // the topics would not exist yet. Same partition count as the services' default.
    await ensureTopics(this.admin, FIXED_TOPICS.map((topic) => ({ topic })), 6);
    await this.consumer.subscribe({ topics: [TOPICS.orders, TOPICS.statusResults], fromBeginning: true });
    await this.consumer.run({ eachMessage: async ({ message }) => this.onRecord(message.value) });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.pending]);
    const results = await Promise.allSettled([this.admin.disconnect(), this.consumer.disconnect(), this.producer.disconnect()]);
    for (const result of results) if (result.status === 'rejected') console.error('e2e warehouse: a Kafka client did not disconnect', result.reason);
  }

  private onRecord(value: Buffer | null): void {
    let event;
    try {
      event = decodeEvent(value ?? Buffer.alloc(0));
    } catch {
      return; // not ours to judge here: the connector's own tests cover malformed records
    }
    if (event.type === EVENT_TYPES.statusResult) {
      const list = this.observed.outcomes.get(event.data.commandId) ?? [];
      list.push(event.data.outcome);
      this.observed.outcomes.set(event.data.commandId, list);
    } else if (event.type === EVENT_TYPES.orderReceived && this.orderIds.has(event.data.orderId)) {
      const seen = (this.observed.received.get(event.data.orderId) ?? 0) + 1;
      this.observed.received.set(event.data.orderId, seen);
      if (seen === 1) this.fulfil(planOrder({ orderId: event.data.orderId, items: event.data.items }, this.options.seed));
    }
  }

  private fulfil(plan: OrderPlan): void {
    this.plans.set(plan.orderId, plan);
    const commands: PlannedCommand[] = plan.resend ? [...plan.commands, plan.resend] : plan.commands;
    const work = this.sendInTurn(commands);
    this.pending.add(work);
    work.then(
      () => this.pending.delete(work),
      (error: unknown) => {
        this.pending.delete(work);
        this.sendFailures.push(`order ${plan.orderId}: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  private async sendInTurn(commands: PlannedCommand[]): Promise<void> {
    for (const command of commands) {
      await new Promise((resolve) => setTimeout(resolve, this.options.stepDelayMs));
      if (this.stopped) return;
      await this.sendWithRetry(command);
    }
  }

  /** The broker restarts during the run; a command must still go out (the same id, so once in effect). */
  private async sendWithRetry(command: PlannedCommand): Promise<void> {
    const event = createEvent({ type: EVENT_TYPES.statusCommand, source: '/e2e-warehouse', subject: command.data.orderId, data: command.data });
    const message = invalidStatus(command) ? rawCommand(event) : toKafkaMessage(event);
    for (let attempt = 1; !this.stopped; attempt += 1) {
      try {
        await this.producer.send({ topic: TOPICS.statusCommands, acks: -1, messages: [message] });
        return;
      } catch (error) {
        if (attempt >= 60) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}

function invalidStatus(command: PlannedCommand): boolean {
  return command.data.status === ('Exception' as unknown);
}

/** encodeEvent refuses a schema violation, so the deliberately bad command is written by hand. */
function rawCommand(event: { subject: string }): { key: string; value: string } {
  return { key: event.subject, value: JSON.stringify(event) };
}
