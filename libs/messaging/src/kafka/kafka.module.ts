import { DynamicModule, Injectable, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CONNECTOR_CONFIG, ConnectorConfig, createKafka, HealthRegistry } from '@dropship/platform';
import { Admin, Kafka } from 'kafkajs';
import { kafkaClientConfig } from './kafka-config';

/** Keeps one admin connection for readiness (broker reachable) and topic creation. */
@Injectable()
export class KafkaAdmin implements OnModuleInit, OnModuleDestroy {
  readonly admin: Admin;

  constructor(
    readonly kafka: Kafka,
    private readonly health: HealthRegistry,
  ) {
    this.admin = kafka.admin();
  }

  onModuleInit(): void {
    // No connect at start: a broker still coming up must not block or fail start-up; the
    // readiness probe connects (kafkajs makes a repeated connect a no-op) and reports instead.
    this.health.register('kafka', async () => {
      await this.admin.connect();
      await this.admin.describeCluster();
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin.disconnect();
  }
}

/** The service's kafkajs client, configured from the contract's KAFKA_* variables. */
@Module({})
export class KafkaModule {
  static forRoot(): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        {
          provide: Kafka,
          inject: [CONNECTOR_CONFIG],
          useFactory: (config: ConnectorConfig) => createKafka(kafkaClientConfig(config.kafka, config.service)),
        },
        KafkaAdmin,
      ],
      exports: [Kafka, KafkaAdmin],
    };
  }
}

