// Child processes of the publish benchmark: the iQmetrix sandbox and the built status-publisher,
// each in its own process as in production, so none shares the measuring process's event loop.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');

export interface ChildService {
  url: string;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/** The sandbox with no rate limit worth the name, so it measures its own speed. */
export async function startSandboxProcess(): Promise<ChildService> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(repoRoot, 'tools/iqmetrix-sandbox/src/main.ts')], {
    cwd: repoRoot,
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_RATE_LIMIT: '1000000000', SANDBOX_SEED: 'bench-publish', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((text) => text.includes('iqmetrix sandbox listening'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  return { url, stop: stopper(child) };
}

/** `node dist/apps/status-publisher/main.js` with `env`; resolves once /health/ready answers 200. */
export async function startPublisherProcess(env: Record<string, string>): Promise<ChildService> {
  const entry = join(repoRoot, 'dist/apps/status-publisher/main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npx nx run status-publisher:build" first`);
  // BENCH_PROFILE=<dir> writes a CPU profile of the publisher there when it stops.
  const profile = process.env['BENCH_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`] : [];
  const child = spawn(process.execPath, [...profile, entry], { cwd: repoRoot, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${env['HTTP_PORT']}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await fetch(`${url}/health/ready`).then((response) => response.status, () => 0);
    if (status === 200) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the publisher did not become ready (status ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop: stopper(child) };
}
