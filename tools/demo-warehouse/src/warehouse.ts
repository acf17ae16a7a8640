import {
  createEvent,
  decodeEvent,
  ensureTopics,
  recordTraceparent,
  EVENT_TYPES,
  toKafkaMessage,
  TOPICS,
} from '@dropship/messaging';
import { randomUUID } from 'crypto';
import { Admin, Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { PlannableOrder, PlannedCommand, planFulfilment } from './fulfilment-plan';

export interface WarehouseOptions {
  kafka: Kafka;
  /** Pause between an order's commands, so a demo shows them one by one. */
  stepDelayMs: number;
  /** Partitions of the topics it creates when missing (the services' TOPIC_PARTITIONS). */
  partitions: number;
  groupId?: string;
  /** A command that could not be sent (the demo logs it; the order's remaining steps stop). */
  onError: (what: string, error: unknown) => void;
}

interface TracedOrder {
  order: PlannableOrder;
  traceparent: string | undefined;
}

export interface WarehouseCounts {
  /** True once the warehouse is in its consumer group (npm start starts the services after that). */
  joined: boolean;
  ordersSeen: number;
  commandsSent: number;
  results: Record<string, number>;
}

/**
 * The demo "warehouse" of `npm start`: an internal service as a supplier would write one. It
 * subscribes to dropship.orders.v1 (read_committed), plans each new order's fulfilment and sends
 * status commands to dropship.status-commands.v1, and counts the results the connector reports.
 */
export class DemoWarehouse {
  readonly counts: WarehouseCounts = { joined: false, ordersSeen: 0, commandsSent: 0, results: {} };
  /** Its own commands: results of other senders' commands on the shared topic are not counted. */
  private readonly sent = new Set<string>();
  private readonly admin: Admin;
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: WarehouseOptions) {
    this.admin = options.kafka.admin();
    this.consumer = options.kafka.consumer({ groupId: options.groupId ?? 'demo-warehouse' });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      this.counts.joined = true;
    });
    this.producer = options.kafka.producer({ idempotent: true });
  }

  async start(): Promise<void> {
    await Promise.all([this.admin.connect(), this.consumer.connect(), this.producer.connect()]);
    // On a fresh broker the services have not created the topics yet.
    await ensureTopics(this.admin, [TOPICS.orders, TOPICS.statusResults, TOPICS.statusCommands].map((topic) => ({ topic })), this.options.partitions);
    await this.admin.disconnect();
    // A new group starts at the end: on a broker that has served before, the topics hold orders of
    // other iQmetrix accounts (or tests) that this demo must not ship. A known group resumes.
    await this.consumer.subscribe({ topics: [TOPICS.orders, TOPICS.statusResults], fromBeginning: false });
    await this.consumer.run({ eachMessage: async ({ message }) => this.onRecord(message) });
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.all([this.consumer.disconnect(), this.producer.disconnect()]);
  }

  private onRecord(message: KafkaMessage): void {
    let event;
    try {
      event = decodeEvent(message.value ?? Buffer.alloc(0));
    } catch (error) {
      this.options.onError('record skipped: not a contract event', error);
      return;
    }
    if (event.type === EVENT_TYPES.statusResult) {
      if (!this.sent.has(event.data.commandId)) return;
      const outcome = event.data.outcome;
      this.counts.results[outcome] = (this.counts.results[outcome] ?? 0) + 1;
    } else if (event.type === EVENT_TYPES.orderReceived) {
      this.counts.ordersSeen += 1;
      // Commands carry the order's trace on, as a traced internal service would.
      this.schedule({ order: event.data as PlannableOrder, traceparent: recordTraceparent(message.headers, event) }, planFulfilment(event.data as PlannableOrder), 0);
    }
  }

  private schedule(order: TracedOrder, plan: PlannedCommand[], step: number): void {
    const command = plan[step];
    if (!command) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.send(order, command).then(
        () => this.schedule(order, plan, step + 1),
        (error: unknown) => this.options.onError(`status command for order ${order.order.orderId} not sent`, error),
      );
    }, this.options.stepDelayMs);
    this.timers.add(timer);
  }

  private async send({ order, traceparent }: TracedOrder, command: PlannedCommand): Promise<void> {
    const orderId = order.orderId;
    const event = createEvent({
      traceparent,
      type: EVENT_TYPES.statusCommand,
      source: '/demo-warehouse',
      subject: orderId,
      data: { commandId: randomUUID(), orderId, ...command },
    });
    this.sent.add(event.data.commandId);
    await this.producer.send({ topic: TOPICS.statusCommands, acks: -1, messages: [toKafkaMessage(event)] });
    this.counts.commandsSent += 1;
  }
}
