import { ChildProcess, spawn } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { waitFor } from './wait-for';

export type ServiceApp = 'feed-ingestor' | 'order-router' | 'status-publisher';

/** The repository root, from this file's place in libs/testing/src. */
export const repoRoot = join(__dirname, '..', '..', '..');

export function builtServiceEntry(app: ServiceApp): string {
  const entry = join(repoRoot, 'dist', 'apps', app, 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  return entry;
}

export interface ServiceProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `node dist/apps/<app>/main.js` exactly as users do, with only the given environment. */
export function startServiceProcess(app: ServiceApp, env: Record<string, string>, args: string[] = []): ServiceProcess {
  const child = spawn(process.execPath, [builtServiceEntry(app), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const stop = async (graceMs = 10_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => chunks.join(''), exited, stop };
}

/** Waits until GET `url` answers `status`; returns the parsed JSON body. */
export async function waitForHttpStatus(url: string, status: number, timeoutMs = 30_000): Promise<unknown> {
  return waitFor(
    async () => {
      const response = await fetch(url);
      const body: unknown = await response.json().catch(() => null);
      return response.status === status ? { body } : undefined;
    },
    { timeoutMs, intervalMs: 200, description: `${url} to answer ${status}` },
  ).then((result) => result.body);
}
