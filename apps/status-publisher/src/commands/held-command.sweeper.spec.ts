import { HeldCommandSweeper } from './held-command.sweeper';

type Deps = ConstructorParameters<typeof HeldCommandSweeper>[1];

/** A sweeper over fakes: one order with held commands, unknown to the order view. */
function sweeperWith(readUntil: () => Promise<Date | undefined>) {
  const calls = { settleable: [] as Array<Date | undefined>, expired: [] as Date[] };
  const deps = {
    held: { settleableOrders: async (_db: unknown, _limit: number, until: Date | undefined) => (calls.settleable.push(until), ['order-1']) },
    orders: { lock: async () => undefined },
    decider: {
      settleHeld: async () => {
        throw new Error('the order is unknown');
      },
      rejectExpired: async (_tx: unknown, _orderId: string, expiry: { readUntil: Date }, tally: Array<{ outcome: string }>) => {
        calls.expired.push(expiry.readUntil);
        tally.push({ outcome: 'rejected' });
      },
    },
    notifier: { changed: () => undefined },
    progress: { readUntil },
  } as unknown as Deps;
  const db = { transaction: async (work: (tx: unknown) => Promise<void>) => work({}) };
  const metrics = { commands: { inc: () => undefined } };
  return { calls, sweeper: new HeldCommandSweeper(db as never, deps, metrics as never, 1_000) };
}

describe('HeldCommandSweeper', () => {
  it('rejects held commands of an unknown order only up to the moment the orders topic is read to', async () => {
    // Given the orders topic read up to a known moment
    const moment = new Date('2026-12-04T15:00:00Z');
    const { calls, sweeper } = sweeperWith(async () => moment);
    // When it sweeps / Then that moment bounds both the search and the rejection
    expect(await sweeper.sweepOnce()).toBe(1);
    expect(calls).toEqual({ settleable: [moment], expired: [moment] });
  });

  it('rejects nothing while the progress of the orders topic cannot be read (Kafka away)', async () => {
    // Given Kafka unreachable
    const { calls, sweeper } = sweeperWith(async () => {
      throw new Error('broker down');
    });
    // When it sweeps / Then no wait counts as over
    expect(await sweeper.sweepOnce()).toBe(0);
    expect(calls).toEqual({ settleable: [undefined], expired: [] });
  });
});
