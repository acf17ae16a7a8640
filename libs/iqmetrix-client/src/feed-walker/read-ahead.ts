/**
 * Yields what `source` yields, in order, while already asking it for the next `depth` values: with
 * a walk, the next page is fetched and parsed while the consumer publishes the current one.
 * If the consumer stops early, values fetched ahead are dropped (their errors too) and the source
 * is closed without waiting for it.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, depth = 1): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const pending: Promise<IteratorResult<T>>[] = [];
  let finished = false;
  try {
    for (;;) {
      while (pending.length <= depth) pending.push(iterator.next());
      const next = await (pending.shift() as Promise<IteratorResult<T>>);
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!finished) {
      for (const ahead of pending) ahead.catch(() => undefined);
      void iterator.return?.()?.catch(() => undefined);
    }
  }
}
