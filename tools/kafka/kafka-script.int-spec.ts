import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const script = join(__dirname, 'kafka.sh');
const repoLibs = join(__dirname, '..', '..', '.cache', 'kafka', 'libs');

/**
 * The broker script's life cycle on ports of its own (so it never touches the broker the other
 * integration tests use), with the jars of the repository's cache to skip a second Maven fetch.
 */
describe('tools/kafka/kafka.sh', () => {
  const home = mkdtempSync(join(tmpdir(), 'kafka-script-'));
  const env = { ...process.env, KAFKA_LOCAL_HOME: home, KAFKA_LOCAL_PORT: '29192', KAFKA_LOCAL_CONTROLLER_PORT: '29193' };
  const kafka = (command: string) => run('bash', [script, command], { env }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  const brokerPid = (): number => Number(readFileSync(join(home, 'kafka.pid'), 'utf8'));
  const alive = (pid: number): boolean => existsSync(`/proc/${pid}`) && readFileSync(`/proc/${pid}/cmdline`, 'utf8') !== '';

  beforeAll(() => {
    if (existsSync(repoLibs)) symlinkSync(repoLibs, join(home, 'libs'));
  });

  afterAll(async () => {
    await kafka('stop');
    rmSync(home, { recursive: true, force: true });
  });

  it('survives start, start, stop, start, stop and leaves no process behind', async () => {
    // Given no broker on these ports / When started / Then it serves and status says so
    expect((await kafka('start')).code).toBe(0);
    const firstPid = brokerPid();
    expect(alive(firstPid)).toBe(true);
    expect(await kafka('status')).toEqual({ code: 0, stdout: expect.stringContaining('running (pid') });
    // When started again / Then it is a no-op on the same process
    expect(await kafka('start')).toEqual({ code: 0, stdout: expect.stringContaining('already running') });
    expect(brokerPid()).toBe(firstPid);
    // When stopped / Then that process is gone and status says not running
    expect((await kafka('stop')).code).toBe(0);
    expect(alive(firstPid)).toBe(false);
    expect((await kafka('status')).code).toBe(3);
    // When started and stopped once more / Then a new broker came and went
    expect((await kafka('start')).code).toBe(0);
    const secondPid = brokerPid();
    expect(secondPid).not.toBe(firstPid);
    expect((await kafka('stop')).code).toBe(0);
    expect(alive(secondPid)).toBe(false);
    expect(existsSync(join(home, 'kafka.pid'))).toBe(false);
  }, 180_000);
});
