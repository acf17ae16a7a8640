import { Injectable, OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';
import { StatusClient } from '@dropship/iqmetrix-client';
import { HealthRegistry } from '@dropship/platform';
import { StatusPublisherConfig } from '../config/publisher-settings';
import { PUBLISHER_CONFIG, REPLICA_ID } from '../config/publisher.tokens';
import { ChangeNotifier } from '../database/change-notifier';
import { PgListener } from '../database/pg-listener';
import { PublisherDb } from '../database/publisher-db';
import { CHANNELS } from '../database/tables';
import { PublisherMetrics } from '../maintenance/publisher-metrics';
import { OutboxRepository } from '../outbox/outbox.repository';
import { IqmetrixAccess } from './iqmetrix-access';
import { OutboxRelay } from './outbox-relay';
import { OutcomeRecorder } from './outcome-recorder';
import { PauseGate } from './pause-gate';
import { RetryClock } from './retry-clock';
import { RowDelivery } from './row-delivery';
import { StatusSender } from './status-sender';

/**
 * How long shutdown waits for answered PUTs whose outcomes cannot be recorded (Postgres away)
 * before giving up on them; within the process's grace period (bootstrap's 25 s).
 */
const SHUTDOWN_RECORDING_GRACE_MS = 15_000;

/** Wakes the relay on NOTIFY and runs it; on shutdown waits for the PUTs in flight. */
@Injectable()
export class RelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly recorder: OutcomeRecorder,
    private readonly listener: PgListener,
    private readonly access: IqmetrixAccess,
    private readonly health: HealthRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.health.register('iqmetrix-credentials', () => this.access.check());
    this.listener.on(CHANNELS.outbox, () => this.relay.wake());
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    const giveUp = setTimeout(() => this.recorder.close(), SHUTDOWN_RECORDING_GRACE_MS);
    try {
      await this.relay.stop();
    } finally {
      clearTimeout(giveUp);
    }
  }
}

export const relayProviders: Provider[] = [
  { provide: StatusSender, inject: [StatusClient], useFactory: (client: StatusClient) => new StatusSender(client) },
  { provide: IqmetrixAccess, useFactory: () => new IqmetrixAccess() },
  { provide: PauseGate, useFactory: () => new PauseGate() },
  { provide: RetryClock, useFactory: () => new RetryClock() },
  {
    provide: OutcomeRecorder,
    inject: [PublisherDb, OutboxRepository, REPLICA_ID],
    useFactory: (db: PublisherDb, outbox: OutboxRepository, replicaId: string) => new OutcomeRecorder(db, outbox, replicaId),
  },
  {
    provide: RowDelivery,
    inject: [StatusSender, OutcomeRecorder, PublisherMetrics, IqmetrixAccess, PauseGate, RetryClock, ChangeNotifier, PUBLISHER_CONFIG],
    useFactory: (sender: StatusSender, recorder: OutcomeRecorder, metrics: PublisherMetrics, access: IqmetrixAccess, gate: PauseGate, retries: RetryClock, notifier: ChangeNotifier, config: StatusPublisherConfig) => {
      const { backoffBaseMs: baseMs, backoffMaxMs: maxMs } = config.publisher;
      return new RowDelivery(sender, recorder, { metrics, access }, {
        backoff: { baseMs, maxMs },
        pauseAll: (ms) => gate.pause(ms),
        retryScheduled: (delayMs) => retries.scheduled(delayMs),
        resultRecorded: () => notifier.changed(CHANNELS.results),
      });
    },
  },
  {
    provide: OutboxRelay,
    inject: [PublisherDb, OutboxRepository, RowDelivery, OutcomeRecorder, PublisherMetrics, PauseGate, RetryClock, PUBLISHER_CONFIG, REPLICA_ID],
    useFactory: (db: PublisherDb, outbox: OutboxRepository, delivery: RowDelivery, recorder: OutcomeRecorder, metrics: PublisherMetrics, gate: PauseGate, retries: RetryClock, config: StatusPublisherConfig, replicaId: string) => {
      const p = config.publisher;
      const relay = new OutboxRelay(db, outbox, delivery, { metrics, gate, retries }, {
        replicaId,
        concurrency: p.relayConcurrency,
        batchSize: p.relayBatchSize,
        pollIntervalMs: p.relayPollIntervalMs,
        leaseMs: p.relayLeaseMs,
        crashLimit: p.relayCrashLimit,
      });
      recorder.onQueuesAdvanced((orderIds) => relay.queuesAdvanced(orderIds));
      return relay;
    },
  },
  RelayLifecycle,
];
