// Child process of measure.ts: runs the identity loop (identity-loop.ts) until SIGTERM, with either
// stock kafkajs 2.2.4 ("raw") or the connector's client ("connector": createKafka, whose Produce
// encoding replaces kafkajs's). A process of its own, as the router has, because the connector's
// changes to kafkajs hold for the whole process, and so that the measuring process's polling does
// not share the loop's thread.
// Args: <input topic> <output topic> <group id> <raw|connector>
import { Kafka, KafkaConfig, logLevel } from 'kafkajs';
import { createKafka } from '@dropship/platform';
import { runIdentityLoop } from './identity-loop';

async function main(): Promise<void> {
  const [input, output, groupId, client] = process.argv.slice(2) as [string, string, string, string];
  const config: KafkaConfig = { clientId: `route-bench-identity-${client}`, brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING };
  const kafka = client === 'connector' ? createKafka(config) : new Kafka(config);
  const stop = await runIdentityLoop(kafka, input, output, groupId);
  process.once('SIGTERM', () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
