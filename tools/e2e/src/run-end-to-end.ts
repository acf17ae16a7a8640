import { createKafka } from '@dropship/platform';
import { createTestDatabase, testBrokers, waitFor } from '@dropship/testing';
import { Kafka, logLevel } from 'kafkajs';
import { join } from 'path';
import { AsyncApiRecordChecker } from './asyncapi-records';
import { readRunRecords } from './run-records';
import { startGroupsAtTheEnd } from './consumer-groups';
import { ChaosLog, restartBroker, restartPostgres, setFaults, startKilling } from './chaos';
import { EndToEndOptions } from './e2e-options';
import { EndToEndWarehouse } from './e2e-warehouse';
import { acceptedUpdatesByOrder, generateOrders, sandboxJson, SandboxOrderView } from './sandbox-view';
import { repoRoot, SystemUnderTest } from './system-under-test';
import { Verdict, verifyRun } from './verify-run';

export interface EndToEndReport {
  options: EndToEndOptions;
  rows: [string, string | number][];
  verdict: Verdict;
  seconds: number;
}

const FAULTS = { errorRate: 0.15, errorStatus: 503, errorPaths: 'all', latencyMs: 2000, latencyRate: 0.02, duplicateEntryRate: 0.1, dropConnectionRate: 0.02 };
const RATE_LIMIT_BURST = { rateLimit: { limit: 40, windowSeconds: 3 } };

/**
 * The whole chain under fire: sandbox orders → feed-ingestor → order-router → a warehouse →
 * status commands → status-publisher → sandbox PUTs, while replicas are SIGKILLed, the broker
 * and Postgres restart and the sandbox misbehaves; then every order and command is checked.
 */
export async function runEndToEnd(options: EndToEndOptions): Promise<EndToEndReport> {
  const started = Date.now();
  const database = await createTestDatabase('dropship_e2e_test');
  const system = new SystemUnderTest({
    brokers: testBrokers().join(','),
    databaseUrl: database.url,
    sandboxPort: 18000 + Math.floor(Math.random() * 1000),
    seed: options.seed,
    logDir: join(repoRoot, 'tmp', 'e2e', options.seed),
  });
  const chaos: ChaosLog = { kills: [], brokerRestarts: 0, postgresRestarts: 0, faultPhases: [] };
  const kafka = createKafka({ clientId: `e2e-${options.seed}`, brokers: testBrokers(), logLevel: logLevel.NOTHING });
  system.startSandbox();
  await waitFor(() => fetch(`${system.sandboxUrl}/_sandbox/health`).then((r) => r.ok), { description: 'the sandbox' });
  const orderIds = await generateOrders(system.sandboxUrl, options.orders, options.seed);
  const warehouse = new EndToEndWarehouse(kafka, new Set(orderIds), options);
  try {
    await warehouse.start();
    await startGroupsAtTheEnd(kafka);
    system.startServices();
    await disturb(options, system, chaos, {
      progress: () => warehouse.observed.received.size / orderIds.length,
      settled: () => settled(warehouse, orderIds),
    });
    const verdict = await checkUntilSettledOrTimeout(options, system, warehouse, orderIds);
    const conformance = await checkRecordsAgainstAsyncApi(kafka, orderIds, options.seed);
    verdict.violations.push(...conformance.problems);
    const seconds = Math.round((Date.now() - started) / 1000);
    return { options, verdict, seconds, rows: await summary(system, warehouse, orderIds, chaos, verdict, conformance.checked) };
  } finally {
    await warehouse.stop();
    await system.stopAll();
    await database.drop().catch(() => undefined);
  }
}

interface RunProgress {
  /** Share of the run's orders received downstream so far (0 to 1). */
  progress: () => number;
  settled: () => boolean;
}

/** Chaos while the orders flow: faults on, kills running, one broker and one Postgres restart. */
async function disturb(options: EndToEndOptions, system: SystemUnderTest, chaos: ChaosLog, run: RunProgress): Promise<void> {
  const stopKilling = startKilling(system.services, options.killIntervalMs, chaos);
  const reach = (share: number) =>
    waitFor(() => run.progress() >= share || run.settled(), { timeoutMs: options.timeoutMs, intervalMs: 500 }).catch(() => undefined);
  try {
    if (options.faults) await setFaults(system.sandboxUrl, FAULTS, chaos);
    await reach(0.25);
    if (options.faults) await setFaults(system.sandboxUrl, { ...RATE_LIMIT_BURST, expireTokensNow: true }, chaos);
    if (options.restartBroker) await restartBroker(chaos);
    await reach(0.5);
    if (options.faults) await setFaults(system.sandboxUrl, { rateLimit: { limit: 100_000, windowSeconds: 60 } }, chaos);
    if (options.restartPostgres) await restartPostgres(chaos);
    await waitFor(run.settled, { timeoutMs: options.timeoutMs, intervalMs: 2000 }).catch(() => undefined);
  } finally {
    await stopKilling();
    if (options.faults) await setFaults(system.sandboxUrl, null, chaos);
  }
}

/** Every order received and every command answered with its final outcome. */
function settled(warehouse: EndToEndWarehouse, orderIds: readonly string[]): boolean {
  if (!orderIds.every((id) => warehouse.observed.received.has(id) && warehouse.plans.has(id))) return false;
  return [...warehouse.plans.values()].every((plan) =>
    plan.commands.every((command) => {
      const outcomes = warehouse.observed.outcomes.get(command.commandId) ?? [];
      return outcomes.includes(command.valid ? 'delivered' : 'rejected');
    }),
  );
}

async function checkUntilSettledOrTimeout(
  options: EndToEndOptions,
  system: SystemUnderTest,
  warehouse: EndToEndWarehouse,
  orderIds: readonly string[],
): Promise<Verdict> {
  // After the chaos, the system gets a quiet minute to finish what is still in flight.
  await waitFor(() => settled(warehouse, orderIds), { timeoutMs: Math.min(options.timeoutMs, 120_000), intervalMs: 1000 }).catch(() => undefined);
  const updates = await acceptedUpdatesByOrder(system.sandboxUrl);
  const orders = new Map<string, SandboxOrderView>();
  for (const orderId of orderIds) orders.set(orderId, await sandboxJson<SandboxOrderView>(system.sandboxUrl, `/orders/${orderId}`));
  const verdict = verifyRun(orderIds, { plans: warehouse.plans, observed: warehouse.observed, updates, orders });
  // A command the warehouse never sent would make its order look wrong for the wrong reason: say so.
  for (const failure of warehouse.sendFailures) verdict.violations.push(`warehouse could not send a command: ${failure}`);
  return verdict;
}

/** Every record the connector wrote about the run's orders is one of its channel's messages in docs/asyncapi.yaml. */
async function checkRecordsAgainstAsyncApi(kafka: Kafka, orderIds: readonly string[], seed: string): Promise<{ checked: number; problems: string[] }> {
  const checker = new AsyncApiRecordChecker(join(repoRoot, 'docs', 'asyncapi.yaml'));
  const records = await readRunRecords(kafka, new Set(orderIds), `e2e-asyncapi-${seed}`);
  const problems = records.flatMap((record) => checker.problem(record) ?? []).map((problem) => `record off the AsyncAPI document: ${problem}`);
  return { checked: records.length, problems };
}

async function summary(
  system: SystemUnderTest,
  warehouse: EndToEndWarehouse,
  orderIds: readonly string[],
  chaos: ChaosLog,
  verdict: Verdict,
  recordsChecked: number,
): Promise<[string, string | number][]> {
  const stats = await sandboxJson<{ requests: Record<string, Record<string, number>>; counters: Record<string, number> }>(system.sandboxUrl, '/stats');
  const commands = [...warehouse.plans.values()].flatMap((plan) => plan.commands);
  const answered = (status: string) => Object.values(stats.requests).reduce((sum, byStatus) => sum + (byStatus[status] ?? 0), 0);
  return [
    ['orders created at iQmetrix', orderIds.length],
    ['orders received downstream exactly once', orderIds.filter((id) => warehouse.observed.received.get(id) === 1).length],
    ['feed entries duplicated by iQmetrix (absorbed)', stats.counters['duplicatedEntries'] ?? 'n/a'],
    ['valid commands sent', commands.filter((c) => c.valid).length],
    ['invalid commands sent', commands.filter((c) => !c.valid).length],
    ['PUTs accepted by iQmetrix', stats.counters['putsAccepted'] ?? 0],
    ['PUTs repeated inside a crash window', verdict.repeatedPuts],
    ['duplicate result events', verdict.duplicateResults],
    ['answers 503 / 429 / 401 (retried)', `${answered('503')} / ${answered('429')} / ${answered('401')}`],
    ['replicas SIGKILLed', chaos.kills.length],
    ['broker restarts / Postgres restarts', `${chaos.brokerRestarts} / ${chaos.postgresRestarts}`],
    ['connector records checked against docs/asyncapi.yaml', recordsChecked],
    ['violations', verdict.violations.length],
  ];
}
