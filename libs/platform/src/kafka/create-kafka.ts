import { Kafka, KafkaConfig } from 'kafkajs';
import { speedUpProduceEncoding } from './kafkajs-produce-encoding';
import { fixReadCommittedFiltering } from './kafkajs-read-committed';

/**
 * A kafkajs client, with this process's kafkajs mended first: read_committed consumers skip every
 * aborted record (kafkajs-read-committed.ts), and Produce requests are encoded in one pass
 * (kafkajs-produce-encoding.ts). Every client of the services, tools and benchmarks is made here.
 */
export function createKafka(config: KafkaConfig): Kafka {
  fixReadCommittedFiltering();
  speedUpProduceEncoding();
  return new Kafka(config);
}
