import { ChildProcess, spawn } from 'child_process';
import { createWriteStream, WriteStream } from 'fs';
import { join } from 'path';

export interface ProcessSpec {
  name: string;
  /** Arguments to node: the script and its arguments. */
  args: string[];
  env: Record<string, string>;
}

/**
 * One process of the system under test (a service replica or the sandbox), started with node,
 * its output appended to `<logDir>/<name>.log`; it can be SIGKILLed and started again.
 */
export class ManagedProcess {
  private child?: ChildProcess;
  private readonly log: WriteStream;
  kills = 0;

  constructor(
    readonly spec: ProcessSpec,
    logDir: string,
    private readonly cwd: string,
  ) {
    this.log = createWriteStream(join(logDir, `${spec.name}.log`), { flags: 'a' });
  }

  get name(): string {
    return this.spec.name;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    if (this.running) return;
    const child = spawn(process.execPath, this.spec.args, {
      cwd: this.cwd,
      env: { PATH: process.env['PATH'] ?? '', ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
  }

  /** Sends `signal` and waits for the process to be gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(force);
  }

  async kill(): Promise<void> {
    this.kills += 1;
    this.log.write(`\n----- e2e: SIGKILL at ${new Date().toISOString()} -----\n`);
    await this.stop('SIGKILL');
  }

  close(): void {
    this.log.end();
  }
}
