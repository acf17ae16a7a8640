// The iQmetrix sandbox in a child process, so that its page rendering does not share the
// benchmarked process's event loop (as the real iQmetrix would not).
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface SandboxProcess {
  url: string;
  stop(): Promise<void>;
}

const repoRoot = join(__dirname, '..', '..', '..');

export async function startSandboxProcess(seedOrders: number): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(repoRoot, 'tools/iqmetrix-sandbox/src/main.ts')], {
    cwd: repoRoot,
    // No rate limit: the benchmark measures the connector, not iQmetrix's throttling.
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_SEED_ORDERS: String(seedOrders), SANDBOX_SEED: 'bench-ingest', SANDBOX_RATE_LIMIT: '1000000', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await listeningUrl(child);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split('\n')) {
        if (!line.includes('iqmetrix sandbox listening')) continue;
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
  });
}
