import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { createTestDatabase, uniqueName, waitFor, type TestDatabase } from '@dropship/testing';
import { LeaderElection } from './leader-election';
import { LeaderSession } from './leader-session';
import { LeadershipLostError } from './leadership.errors';

describe('leader election on a Postgres advisory lock', () => {
  let database: TestDatabase;
  let lockName: string;
  const sessions: LeaderSession[] = [];

  const open = async () => {
    const session = await LeaderSession.open({ databaseUrl: database.url, lockName, heartbeatMs: 200 });
    sessions.push(session);
    return session;
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    database = await createTestDatabase();
  });
  beforeEach(() => {
    lockName = uniqueName('lock');
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });
  afterAll(async () => {
    await database.drop();
  });

  it('lets one session hold the lock, and the next one take it once the first lets go', async () => {
    const [first, second] = [await open(), await open()];
    expect(await first.tryLock()).toBe(true);
    expect(await second.tryLock()).toBe(false);
    await first.close();
    expect(await second.tryLock()).toBe(true);
    expect(second.isLeader).toBe(true);
  });

  it('aborts the leader at once when its connection is killed, and frees the lock for another', async () => {
    // Given a leader
    const leader = await open();
    expect(await leader.tryLock()).toBe(true);
    const [{ pid }] = await leader.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // When its backend is terminated (as when the connection drops)
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await admin.end();
    // Then its signal is aborted with LeadershipLostError, its queries fail, and another replica can lead
    await waitFor(() => leader.signal.aborted, { timeoutMs: 5_000, description: 'the leader to notice' });
    expect(leader.signal.reason).toBeInstanceOf(LeadershipLostError);
    await expect(leader.query('SELECT 1')).rejects.toBeInstanceOf(LeadershipLostError);
    const next = await open();
    expect(await next.tryLock()).toBe(true);
  });

  it('makes a standby wait for the lock and take it when the leader goes away', async () => {
    // Given a leader and a standby waiting
    const leader = await open();
    await leader.tryLock();
    const election = new LeaderElection({ databaseUrl: database.url, lockName, heartbeatMs: 200, retryMs: 50 });
    const stop = new AbortController();
    let acquired: LeaderSession | undefined;
    const waiting = election.acquire(stop.signal).then((session) => (acquired = session));
    // When the leader lets go / Then the standby leads
    await leader.close();
    await waitFor(() => acquired !== undefined, { timeoutMs: 5_000, description: 'the standby to lead' });
    sessions.push(acquired as LeaderSession);
    expect(acquired?.isLeader).toBe(true);
    // And an election stopped while waiting gives up with nothing
    const other = new LeaderElection({ databaseUrl: database.url, lockName, heartbeatMs: 200, retryMs: 50 }).acquire(stop.signal);
    stop.abort();
    await expect(other).resolves.toBeUndefined();
    await waiting;
  });
});
