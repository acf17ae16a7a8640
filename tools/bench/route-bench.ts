// Router benchmark: `node -r @swc-node/register tools/bench/route-bench.ts [records] [rounds]`
// (needs the local broker, Postgres and a built router: `npx nx run order-router:build`).
// From one run: (a) a raw kafkajs consume-produce identity loop (stock kafkajs 2.2.4) and (b) the
// built order-router, each reading the same order-created records of
// iqmetrix.dropship.order-created.v1 with the same consumer settings and one transaction per batch
// (records + offsets); (b) also de-duplicates against its Postgres ledger, normalizes and validates.
// (a') is (a) on the connector's own kafkajs client (createKafka), whose one-pass Produce encoding
// the router also has: the router's overhead over the same client, printed beside the goal's ratio
// so that the client's speed-up is not mistaken for the router's. Throughput is watched from
// outside, on each group's committed offsets; each runs in a process of its own, in turn for some
// rounds, and the medians count, because the machine is shared and its load drifts. The measurement runs in a child process, which resolves the
// @dropship/* paths through tsconfig.base.json (the root has no tsconfig.json).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const RATIO_GOAL = 0.6;
const repoRoot = join(__dirname, '..', '..');

interface Throughput {
  records: number;
  seconds: number;
  recordsPerSecond: number;
}

interface Result {
  rounds: { identity: Throughput; identityOnConnectorClient: Throughput; router: Throughput }[];
  records: number;
  recordBytes: number;
  partitions: number;
  identity: Throughput;
  identityOnConnectorClient: Throughput;
  router: Throughput;
  ratio: number;
  ratioToConnectorClient: number;
}

function measure(records: string, rounds: string): Result {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'route', 'measure.ts'), records, rounds], {
    cwd: repoRoot,
    env: { ...process.env, SWC_NODE_PROJECT: process.env['SWC_NODE_PROJECT'] ?? 'tsconfig.base.json' },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`measure.ts failed (exit ${result.status}):\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as Result;
}

function row(cells: Array<string | number>): string {
  return cells.map((cell, index) => String(cell)[index === 0 ? 'padEnd' : 'padStart'](index === 0 ? 44 : 12)).join('');
}

function main(): void {
  const [records = '50000', rounds = '3'] = process.argv.slice(2);
  const result = measure(records, rounds);
  console.log(`Router benchmark: ${result.records} order-created records (~${result.recordBytes} bytes), ${result.partitions} partitions`);
  console.log('Rates from the first to the last commit of each consumer group, watched on the broker.');
  const perRound = (pick: (round: Result['rounds'][number]) => Throughput): string =>
    result.rounds.map((round) => pick(round).recordsPerSecond).join(', ');
  const identities = `identity ${perRound((round) => round.identity)}; on the connector's client ${perRound((round) => round.identityOnConnectorClient)}`;
  console.log(`rounds, records/s: ${identities}; router ${perRound((round) => round.router)}`);
  console.log(row(['median of the rounds', 'records', 'seconds', 'records/s']));
  const { identity, identityOnConnectorClient: onClient, router } = result;
  console.log(row(['(a) raw kafkajs identity loop, transactional', identity.records, identity.seconds, identity.recordsPerSecond]));
  console.log(row(["(a') the same loop on the connector's client", onClient.records, onClient.seconds, onClient.recordsPerSecond]));
  console.log(row(['(b) order-router (ledger, normalize, publish)', router.records, router.seconds, router.recordsPerSecond]));
  const verdict = result.ratio >= RATIO_GOAL ? 'ok' : 'BELOW GOAL';
  console.log(row(['ratio (b)/(a)', result.ratio, `goal ≥${RATIO_GOAL}`, verdict]));
  console.log(row(["ratio (b)/(a'), same client", result.ratioToConnectorClient]));
  console.log(JSON.stringify({ bench: 'route', ...result, goal: { ratio: RATIO_GOAL } }));
}

main();
