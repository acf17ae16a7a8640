import { WakeSignal } from './wake-signal';

describe('WakeSignal', () => {
  it('returns at once when woken before the wait, so a wake-up is never lost', async () => {
    // Given a wake while nobody waits
    const signal = new WakeSignal();
    signal.wake();
    // When a long wait starts / Then it returns at once
    await expect(Promise.race([signal.wait(60_000).then(() => 'woken'), new Promise((resolve) => setImmediate(() => resolve('waiting')))])).resolves.toBe('woken');
  });

  it('counts many wakes before a wait as one', async () => {
    // Given three wakes
    const signal = new WakeSignal();
    signal.wake();
    signal.wake();
    signal.wake();
    // When waited twice / Then the first returns at once and the second waits (here: its timeout)
    await signal.wait(60_000);
    const second = signal.wait(60_000);
    await expect(Promise.race([second.then(() => 'woken'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 20))])).resolves.toBe('waiting');
    signal.wake();
    await second;
  });

  it('ends a wait early on wake, and on its timeout otherwise', async () => {
    // Given a waiter / When woken / Then it resolves
    const signal = new WakeSignal();
    const waiting = signal.wait(60_000);
    signal.wake();
    await expect(waiting).resolves.toBeUndefined();
    // And a wait nobody wakes ends after its timeout
    await expect(signal.wait(5)).resolves.toBeUndefined();
  });
});
