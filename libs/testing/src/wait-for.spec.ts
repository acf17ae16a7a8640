import { waitFor, WaitTimeoutError } from './wait-for';

describe('waitFor', () => {
  it('returns the first truthy value of the condition', async () => {
    // Given a condition that holds on its third call
    let calls = 0;
    // When waited on / Then its value is returned
    await expect(waitFor(() => (++calls >= 3 ? { calls } : undefined), { intervalMs: 1 })).resolves.toEqual({ calls: 3 });
  });

  it('keeps asking when the condition throws', async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls += 1;
        if (calls < 2) throw new Error('not yet');
        return 'ok';
      },
      { intervalMs: 1 },
    );
    expect(value).toBe('ok');
  });

  it('fails with what it waited for and the last thing it saw', async () => {
    // Given a condition that never holds / When the time is up / Then the error explains
    const waiting = waitFor(() => 0, { timeoutMs: 30, intervalMs: 5, description: 'the broker' });
    await expect(waiting).rejects.toThrow(WaitTimeoutError);
    await expect(waiting).rejects.toThrow(/waiting for the broker; last seen: 0/);
  });
});
