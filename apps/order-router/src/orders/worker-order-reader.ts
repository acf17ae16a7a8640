import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import type { OrderCreatedInput, OrderRead } from './order-read';
import { OrderReader } from './order-reader';
import { ReaderThreadError } from './orders.errors';
import { packRequest, ReaderThreadData, ReadResponse, unpackReads } from './reader-messages';

interface ReadJob {
  inputs: readonly OrderCreatedInput[];
  resolve: (reads: OrderRead[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Reads batches on worker threads, so that the main thread is free to consume, claim and produce:
 * reading is over a third of the router's CPU per record, and on two cores the broker and Postgres
 * leave CPU over for a thread. Batches wait in one queue, and each goes to the thread holding the
 * fewest while one has room. (Letting the main thread read too when batches wait was measured: no
 * faster, as it then delays the transactions.) A thread that dies fails the batches it holds (the
 * runner retries them) and is replaced when the next batch comes, never in a loop.
 */
export class WorkerOrderReader extends OrderReader {
  private readonly threads: ReaderThread[];
  private readonly queue: ReadJob[] = [];
  private closed = false;

  constructor(script: string, count: number, data: ReaderThreadData) {
    super();
    if (!existsSync(script)) throw new ReaderThreadError(`its script ${script} does not exist (run the built dist/apps/order-router/main.js)`);
    this.threads = Array.from({ length: count }, (_unused, index) => new ReaderThread(script, data, index + 1, () => this.dispatch()));
    // Starting a thread and compiling its schemas takes ~150 ms: at start, not in the first batch.
    for (const thread of this.threads) thread.prepare();
  }

  read(inputs: readonly OrderCreatedInput[]): Promise<OrderRead[]> {
    if (this.closed) return Promise.reject(new ReaderThreadError('the reader is closed'));
    if (inputs.length === 0) return Promise.resolve([]);
    return new Promise<OrderRead[]>((resolve, reject) => {
      this.queue.push({ inputs, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ReaderThreadError('the reader is closing'));
    await Promise.all(this.threads.map((thread) => thread.stop()));
  }

  /** Each waiting batch goes to the thread holding the fewest, while one has room. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let target: ReaderThread | undefined;
      for (const thread of this.threads) if (thread.free && (target === undefined || thread.load < target.load)) target = thread;
      if (target === undefined) return;
      target.run(this.queue.shift() as ReadJob);
    }
  }
}

/**
 * Batches one thread holds at most: as many as the consumer runs at once, so that a thread always
 * has its next batch at hand. Handing it a batch only when the main thread takes an answer left
 * the thread idle whenever the main thread was busy encoding a transaction or collecting garbage,
 * and reading is on every batch's path.
 */
const BATCHES_PER_THREAD = 6;

/** One worker thread and the batches it holds (the rest wait in the shared queue). */
class ReaderThread {
  private readonly logger = new Logger(WorkerOrderReader.name);
  private readonly held = new Map<number, ReadJob>();
  private worker?: Worker;
  private nextId = 1;

  constructor(
    private readonly script: string,
    private readonly data: ReaderThreadData,
    private readonly number: number,
    private readonly onFree: () => void,
  ) {}

  get free(): boolean {
    return this.held.size < BATCHES_PER_THREAD;
  }

  get load(): number {
    return this.held.size;
  }

  prepare(): void {
    this.worker ??= this.start();
  }

  run(job: ReadJob): void {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const request = packRequest(id, job.inputs);
    this.held.set(id, job);
    worker.postMessage(request, [request.bytes]);
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.fail(new ReaderThreadError('the reader is closing'));
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.script, { workerData: this.data });
    this.worker = worker;
    worker.on('message', (response: ReadResponse) => this.answer(response));
    worker.on('error', (error) => {
      this.logger.error({ msg: 'order reader thread failed', thread: this.number, error: error.message });
      this.fail(new ReaderThreadError(error.message, error));
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return; // stopped on purpose
      this.worker = undefined;
      this.logger.error({ msg: 'order reader thread exited', thread: this.number, exitCode: code });
      this.fail(new ReaderThreadError(`thread ${this.number} exited with code ${code}`));
    });
    return worker;
  }

  private answer(response: ReadResponse): void {
    const job = this.held.get(response.id);
    if (job === undefined) return; // its batch failed already, with its thread
    this.held.delete(response.id);
    if ('failure' in response) job.reject(new ReaderThreadError(response.failure));
    else job.resolve(unpackReads(response));
    this.onFree();
  }

  private fail(error: Error): void {
    if (this.held.size === 0) return;
    for (const job of this.held.values()) job.reject(error);
    this.held.clear();
    this.onFree();
  }
}
