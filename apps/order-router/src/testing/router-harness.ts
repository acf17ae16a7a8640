// Test-only helpers shared by the router's *.int-spec.ts files, which alone import this file.
// eslint-disable-next-line no-restricted-imports
import { createTopics, moveGroupsToEnd, ServiceProcess, startServiceProcess, testBrokers, waitFor, waitForHttpStatus } from '@dropship/testing';
import type { Admin, Kafka, Message } from 'kafkajs';
import { TOPICS } from '@dropship/messaging';

export const INPUT_TOPICS = [TOPICS.orderCreated, TOPICS.orderStatusUpdated];
export const PARTITIONS = 6;

/**
 * The contract fixes the router's topics and group, so tests share them with every other test on
 * the broker: each test uses fresh order ids and reads back only its own keys, and starts the
 * group at the end of the input topics so that earlier tests' records are not processed again.
 */
export async function prepareRouterGroup(kafka: Kafka): Promise<void> {
  await createTopics(kafka, [...INPUT_TOPICS, TOPICS.orders, TOPICS.ordersDlq], PARTITIONS);
  await moveGroupsToEnd(kafka, { 'order-router': INPUT_TOPICS }, 40_000);
}

export function routerEnv(databaseUrl: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    KAFKA_BROKERS: testBrokers().join(','),
    DATABASE_URL: databaseUrl,
    HTTP_PORT: String(port),
    TOPIC_PARTITIONS: String(PARTITIONS),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/**
 * Starts the built router and waits until it has joined the group (readiness). The process goes
 * into `started` at once, so that the test's cleanup stops it even when it never gets ready.
 */
export async function startRouter(env: Record<string, string>, started: ServiceProcess[]): Promise<ServiceProcess> {
  const router = startServiceProcess('order-router', env);
  started.push(router);
  await waitForHttpStatus(`http://127.0.0.1:${env['HTTP_PORT']}/health/ready`, 200, 60_000).catch((error: unknown) => {
    throw new Error(`the router did not get ready: ${String(error)}\n${router.output().slice(-3000)}`);
  });
  return router;
}

export async function produce(kafka: Kafka, topic: string, messages: Message[]): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let start = 0; start < messages.length; start += 500) {
      await producer.send({ topic, acks: -1, messages: messages.slice(start, start + 500) });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Waits until `count()` reaches `expected` (and fails with what it saw otherwise). */
export async function waitForCount(count: () => number, expected: number, description: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(() => count() >= expected, { timeoutMs, intervalMs: 200, description: `${description} (${expected})` });
}

/** Waits until the order-router group has committed everything on its input topics. */
export async function waitForDrained(kafka: Kafka, timeoutMs = 120_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      async () => {
        for (const topic of INPUT_TOPICS) {
          const [ends, [committed]] = await Promise.all([
            topicEnds(admin, topic),
            admin.fetchOffsets({ groupId: 'order-router', topics: [topic] }),
          ]);
          const byPartition = new Map(committed?.partitions.map((p) => [p.partition, BigInt(p.offset)]));
          if (!ends.every(({ partition, high }) => (byPartition.get(partition) ?? -1n) >= BigInt(high))) return false;
        }
        return true;
      },
      { timeoutMs, intervalMs: 250, description: 'the router to commit all its input' },
    );
  } finally {
    await admin.disconnect();
  }
}

/** A counter's value in a Prometheus text scrape (0 when absent). */
export async function metricValue(port: number, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`) && candidate.includes(labels));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** The partitions' offsets of a topic, retried while a just-created topic's metadata settles. */
export async function topicEnds(admin: Admin, topic: string): Promise<{ partition: number; high: string }[]> {
  return waitFor(() => admin.fetchTopicOffsets(topic), { timeoutMs: 15_000, intervalMs: 200, description: `offsets of ${topic}` });
}
