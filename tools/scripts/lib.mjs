// Small helpers shared by the repository's scripts (test, start, bench): run a command with
// inherited output, check whether a TCP port answers, start/stop the local Kafka broker.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.on('error', () => resolve(127));
  });
}

export function portAnswers(hostPort, timeoutMs = 1500) {
  const [host, port] = splitHostPort(hostPort);
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function splitHostPort(hostPort) {
  const index = hostPort.lastIndexOf(':');
  return [hostPort.slice(0, index), Number(hostPort.slice(index + 1))];
}

export function firstBroker() {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')[0].trim();
}

/** Starts the local broker unless one answers already; returns true when this call started it. */
export async function ensureKafka() {
  if (await portAnswers(firstBroker())) return false;
  const code = await run('bash', ['tools/kafka/kafka.sh', 'start']);
  if (code !== 0) throw new Error(`the local Kafka broker did not start (exit ${code})`);
  return true;
}

export async function stopKafka() {
  await run('bash', ['tools/kafka/kafka.sh', 'stop']);
}

export function step(title) {
  process.stdout.write(`\n=== ${title}\n`);
}
