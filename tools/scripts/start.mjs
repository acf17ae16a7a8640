// `npm start`: the whole system on one machine until Ctrl-C — builds, starts the local Kafka
// broker (unless one answers), the iQmetrix sandbox with a trickle of demo orders and the demo
// warehouse that ships them (both skipped when real iQmetrix credentials are set), and the three
// services; logs go to tmp/logs/, and one line of live counts is printed every few seconds.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafka, portAnswers, repoRoot, run, step, stopKafka } from './lib.mjs';

const logDir = join(repoRoot, 'tmp', 'logs');
const useSandbox = !process.env.IQMETRIX_CLIENT_ID;
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 8080);
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
const services = [
  ['feed-ingestor', 3001],
  ['order-router', 3002],
  ['status-publisher', 3003],
];
const children = [];
let startedKafka = false;

function sandboxEnvironment() {
  return {
    IQMETRIX_AUTH_URL: sandboxUrl,
    IQMETRIX_DROPSHIP_URL: sandboxUrl,
    IQMETRIX_CLIENT_ID: 'sandbox-client',
    IQMETRIX_CLIENT_SECRET: 'sandbox-secret',
    IQMETRIX_USERNAME: 'supplier@example.com',
    IQMETRIX_PASSWORD: 'sandbox-password',
    IQMETRIX_SUPPLIER_ID: '60455',
    FEED_POLL_INTERVAL_MS: process.env.FEED_POLL_INTERVAL_MS ?? '2000',
  };
}

function launch(name, script, env, nodeArgs = []) {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on('exit', (code, signal) => {
    if (!shuttingDown) process.stdout.write(`${name} exited (${signal ?? code}); see tmp/logs/${name}.log\n`);
  });
  children.push({ name, child });
  return child;
}

async function health(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
    return response.ok ? 'ready' : 'not ready';
  } catch {
    return 'down';
  }
}

// The warehouse prints its counts as JSON lines; the newest one is kept for the status line.
let warehouseCounts = { ordersSeen: 0, commandsSent: 0, results: {} };
function followWarehouse(child) {
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        warehouseCounts = JSON.parse(line);
      } catch {
        // Not a counts line (a log line); it is in tmp/logs/demo-warehouse.log.
      }
    }
  });
}

async function warehouseJoined(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!warehouseCounts.joined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  return warehouseCounts.joined === true;
}

async function sandboxCounters() {
  try {
    const response = await fetch(`${sandboxUrl}/_sandbox/stats`);
    return (await response.json()).counters ?? {};
  } catch {
    return {};
  }
}

async function statusLine() {
  const states = await Promise.all(services.map(async ([name, port]) => `${name} ${await health(port)}`));
  const time = new Date().toISOString().slice(11, 19);
  if (!useSandbox) return `${time} ${states.join(' | ')}`;
  const sandbox = await sandboxCounters();
  const results = warehouseCounts.results ?? {};
  const counts = [
    `orders created ${sandbox.ordersCreated ?? 0}`,
    `routed ${warehouseCounts.ordersSeen}`,
    `commands ${warehouseCounts.commandsSent}`,
    `accepted ${results.accepted ?? 0}`,
    `delivered ${results.delivered ?? 0}`,
    `rejected ${results.rejected ?? 0}`,
    `PUTs at iQmetrix ${sandbox.putsAccepted ?? 0}`,
  ];
  return `${time} ${counts.join(' | ')}\n         ${states.join(' | ')}`;
}

let shuttingDown = false;
async function shutdown() {
  if (shuttingDown) return;
  shuttingDown = true;
  process.stdout.write('\nstopping...\n');
  await Promise.all(children.map(({ child }) => stopChild(child)));
  if (startedKafka) await stopKafka();
  process.exit(0);
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function main() {
  mkdirSync(logDir, { recursive: true });
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  step('build');
  if ((await run('npm', ['run', 'build'])) !== 0) process.exit(1);
  step('Kafka');
  startedKafka = await ensureKafka();
  if (!(await portAnswers('127.0.0.1:5432'))) process.stdout.write('warning: nothing answers at 127.0.0.1:5432 (Postgres)\n');
  const env = useSandbox ? sandboxEnvironment() : {};
  if (useSandbox) {
    step(`iQmetrix sandbox on ${sandboxUrl}`);
    launch('iqmetrix-sandbox', 'dist/tools/iqmetrix-sandbox/main.js', {
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_SEED_ORDERS: process.env.SANDBOX_SEED_ORDERS ?? '5',
      // A fresh seed per start: the sandbox keeps nothing across restarts, and with its fixed
      // default seed it would hand out the ids of the previous run's orders and entries again,
      // which the ingestor (whose database remembers them) rightly skips as already published.
      SANDBOX_SEED: process.env.SANDBOX_SEED ?? `demo-${Date.now()}`,
      SANDBOX_ORDER_TRICKLE_MS: process.env.SANDBOX_ORDER_TRICKLE_MS ?? '5000',
    });
  }
  if (useSandbox) {
    // First, so that it is in its group (which starts at the topics' end) before orders are routed.
    step('demo warehouse');
    const warehouse = launch('demo-warehouse', 'tools/demo-warehouse/src/main.ts', {}, ['-r', '@swc-node/register']);
    followWarehouse(warehouse);
    if (!(await warehouseJoined(60_000))) process.stdout.write('warning: the demo warehouse has not joined its group yet; see tmp/logs/demo-warehouse.log\n');
  }
  step('services');
  for (const [name, port] of services) launch(name, `dist/apps/${name}/main.js`, { ...env, HTTP_PORT: String(port) });
  for (const [name, port] of services) process.stdout.write(`${name}: http://127.0.0.1:${port}/health/ready, /metrics\n`);
  if (useSandbox) process.stdout.write(`iqmetrix-sandbox: ${sandboxUrl}/_sandbox/stats\n`);
  process.stdout.write('logs: tmp/logs/*.log — Ctrl-C stops everything\n');
  setInterval(async () => process.stdout.write(`${await statusLine()}\n`), 5_000);
}

await main();
