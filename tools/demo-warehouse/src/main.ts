import { createKafka } from '@dropship/platform';
import { logLevel } from 'kafkajs';
import { DemoWarehouse } from './warehouse';

// `node -r @swc-node/register tools/demo-warehouse/src/main.ts`: runs until SIGINT/SIGTERM and
// prints its counts as one JSON line every few seconds (npm start shows them).
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const warehouse = new DemoWarehouse({
  kafka: createKafka({ clientId: 'demo-warehouse', brokers, logLevel: logLevel.ERROR }),
  stepDelayMs: Number(process.env['WAREHOUSE_STEP_DELAY_MS'] ?? 3000),
  partitions: Number(process.env['TOPIC_PARTITIONS'] ?? 6),
  onError: (what, error) =>
    process.stderr.write(`${JSON.stringify({ level: 'error', msg: what, error: error instanceof Error ? error.message : String(error) })}\n`),
});

const report = setInterval(() => process.stdout.write(`${JSON.stringify(warehouse.counts)}\n`), 2000);
const stop = (): void => {
  clearInterval(report);
  warehouse.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`demo-warehouse: stop failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
warehouse.start().catch((error: unknown) => {
  process.stderr.write(`demo-warehouse: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
