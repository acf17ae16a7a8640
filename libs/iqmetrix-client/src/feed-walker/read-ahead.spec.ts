import { readAhead } from './read-ahead';

/** A source that records when each value is asked for, so tests can see the look-ahead. */
function recordingSource(values: number[], log: string[], failAt?: number): AsyncIterable<number> {
  return {
    async *[Symbol.asyncIterator]() {
      for (const value of values) {
        log.push(`produce ${value}`);
        await new Promise((resolve) => setImmediate(resolve));
        if (value === failAt) throw new Error(`source failed at ${value}`);
        yield value;
      }
    },
  };
}

describe('readAhead', () => {
  it('yields every value in order while the next one is already being produced', async () => {
    // Given a source of three values
    const log: string[] = [];
    // When consumed with a look-ahead of one
    for await (const value of readAhead(recordingSource([1, 2, 3], log), 1)) {
      log.push(`consume ${value}`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`consumed ${value}`);
    }
    // Then value n+1 was produced before value n was consumed to the end
    expect(log.filter((line) => line.startsWith('consume '))).toEqual(['consume 1', 'consume 2', 'consume 3']);
    expect(log.indexOf('produce 2')).toBeLessThan(log.indexOf('consumed 1'));
    expect(log.indexOf('produce 3')).toBeLessThan(log.indexOf('consumed 2'));
  });

  it('rejects with the source error once the consumer reaches it', async () => {
    const seen: number[] = [];
    const reading = (async () => {
      for await (const value of readAhead(recordingSource([1, 2, 3], [], 2))) seen.push(value);
    })();
    await expect(reading).rejects.toThrow('source failed at 2');
    expect(seen).toEqual([1]);
  });

  it('drops a failing value read ahead when the consumer stops first', async () => {
    // Given a source whose second value fails
    const seen: number[] = [];
    // When the consumer stops after the first / Then no error escapes
    for await (const value of readAhead(recordingSource([1, 2], [], 2))) {
      seen.push(value);
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([1]);
  });
});
