import { execFile } from 'child_process';
import { join } from 'path';
import { promisify } from 'util';
import { ManagedProcess } from './managed-process';
import { repoRoot } from './system-under-test';

const run = promisify(execFile);

export interface ChaosLog {
  kills: string[];
  brokerRestarts: number;
  postgresRestarts: number;
  faultPhases: string[];
}

/** SIGKILLs a random replica every `intervalMs` and starts it again a moment later. */
export function startKilling(services: ManagedProcess[], intervalMs: number, log: ChaosLog): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let busy: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    busy = busy.then(async () => {
      const victim = services[Math.floor(Math.random() * services.length)] as ManagedProcess;
      await victim.kill();
      log.kills.push(victim.name);
      await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1000));
      victim.start();
    });
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await busy;
  };
}

/**
 * Restarts the local broker with the project's script, only when that script started it: a broker
 * of someone else's (KAFKA_BROKERS pointing elsewhere, or one started from another checkout) is
 * not ours to stop, and the run goes on without this fault (the table shows 0 broker restarts).
 */
export async function restartBroker(log: ChaosLog): Promise<void> {
  const script = join(repoRoot, 'tools/kafka/kafka.sh');
  const ours = await run('bash', [script, 'status'], { cwd: repoRoot }).then(
    () => true,
    () => false,
  );
  if (!ours) return;
  await run('bash', [script, 'restart'], { cwd: repoRoot });
  log.brokerRestarts += 1;
}

/** Stops the machine's PostgreSQL cluster for a few seconds (pg_ctlcluster), then starts it. */
export async function restartPostgres(log: ChaosLog, downMs = 5000): Promise<void> {
  const { stdout } = await run('bash', ['-c', 'ls /etc/postgresql | head -n 1']);
  const version = stdout.trim();
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'stop', '-m', 'fast']);
  await new Promise((resolve) => setTimeout(resolve, downMs));
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  log.postgresRestarts += 1;
}

/** Sandbox faults for one phase of the run (POST /_sandbox/faults), or none. */
export async function setFaults(sandboxUrl: string, faults: Record<string, unknown> | null, log: ChaosLog): Promise<void> {
  const init = faults
    ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) }
    : { method: 'DELETE' };
  const response = await fetch(`${sandboxUrl}/_sandbox/faults`, init);
  if (!response.ok) throw new Error(`sandbox faults: ${response.status} ${await response.text()}`);
  log.faultPhases.push(faults ? JSON.stringify(faults) : 'none');
}
