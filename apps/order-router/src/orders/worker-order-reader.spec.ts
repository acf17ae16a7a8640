import { join } from 'node:path';
import type { OrderCreatedInput, OrderRead } from './order-read';
import { ReaderThreadError } from './orders.errors';
import { WorkerOrderReader } from './worker-order-reader';

const ECHO_SCRIPT = join(__dirname, '__fixtures__', 'echo-reader.worker.js');

function inputs(...texts: string[]): OrderCreatedInput[] {
  return texts.map((text) => ({ value: Buffer.from(text) }));
}

function reasons(reads: OrderRead[]): string[] {
  return reads.map((read) => (read.kind === 'rejected' ? read.rejection.reason : read.orderId));
}

describe('WorkerOrderReader', () => {
  let reader: WorkerOrderReader | undefined;

  afterEach(async () => {
    await reader?.close();
    reader = undefined;
  });

  it('answers each batch in input order, with the thread data, however the batches interleave', async () => {
    // Given a reader with two threads started with a supplier id
    reader = new WorkerOrderReader(ECHO_SCRIPT, 2, { rules: [], supplierId: 42 });

    // When five batches are read at once, the first one slow
    const batches = [inputs('slow', 'a'), inputs('b', 'c'), inputs('d'), inputs('e', 'f', 'g'), inputs('h')];
    const answers = await Promise.all(batches.map((batch) => (reader as WorkerOrderReader).read(batch)));

    // Then every batch gets its own reads back, in order
    expect(answers.map(reasons)).toEqual([['slow', 'a'], ['b', 'c'], ['d'], ['e', 'f', 'g'], ['h']]);
    expect(answers[0]?.[0]).toEqual({ kind: 'rejected', rejection: { code: 'FIXTURE.42', reason: 'slow' } });
  });

  it('fails the batches of a thread that exits, and reads the next batch on a new thread', async () => {
    // Given a reader with one thread
    reader = new WorkerOrderReader(ECHO_SCRIPT, 1, { rules: [] });

    // When a batch makes the thread exit
    const failed = reader.read(inputs('exit'));

    // Then that batch fails with a retriable error naming the exit, and the next batch is read
    await expect(failed).rejects.toThrow(new ReaderThreadError('thread 1 exited with code 3'));
    await expect(failed).rejects.toMatchObject({ code: 'ROUTER.READER_THREAD_FAILED', retriable: true });
    expect(reasons(await reader.read(inputs('after')))).toEqual(['after']);
  });

  it("fails a batch with the thread's own error when reading it throws", async () => {
    // Given a reader / When a batch throws inside the thread / Then the batch fails with that error
    reader = new WorkerOrderReader(ECHO_SCRIPT, 1, { rules: [] });
    await expect(reader.read(inputs('throw'))).rejects.toThrow('an order reader thread failed: Error: boom in the thread');
    expect(reasons(await reader.read(inputs('still here')))).toEqual(['still here']);
  });

  it('fails the batches waiting and held when closed, and reads nothing after', async () => {
    // Given a reader with one thread holding two slow batches and a third waiting
    reader = new WorkerOrderReader(ECHO_SCRIPT, 1, { rules: [] });
    const settled = Promise.allSettled([reader.read(inputs('slow')), reader.read(inputs('slow')), reader.read(inputs('x'))]);

    // When closed
    await reader.close();

    // Then all three fail, and so does a later read
    const outcomes = await settled;
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const outcome of outcomes) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ReaderThreadError);
    await expect(reader.read(inputs('y'))).rejects.toThrow('an order reader thread failed: the reader is closed');
  });

  it('answers an empty batch without a thread, and refuses a script that does not exist', async () => {
    reader = new WorkerOrderReader(ECHO_SCRIPT, 1, { rules: [] });
    await expect(reader.read([])).resolves.toEqual([]);
    expect(() => new WorkerOrderReader('/nonexistent/reader.js', 1, { rules: [] })).toThrow(/reader\.js does not exist/);
  });
});
