import { OrderCreatedInput, OrderRead, OrderReadContext, readOrderCreated } from './order-read';

/**
 * Reads a batch of order-created records (decode, check, normalize, build the received event):
 * the CPU-heavy half of routing an order. An abstract class, so that it is its own DI token.
 */
export abstract class OrderReader {
  /** One read per input, in input order. */
  abstract read(inputs: readonly OrderCreatedInput[]): Promise<OrderRead[]>;
  /** Stops the reader's threads, if it has any. */
  abstract close(): Promise<void>;
}

/** Reads on the calling thread (ORDER_READER_THREADS=0, and the planner's unit tests). */
export class InlineOrderReader extends OrderReader {
  constructor(private readonly context: OrderReadContext) {
    super();
  }

  async read(inputs: readonly OrderCreatedInput[]): Promise<OrderRead[]> {
    return inputs.map((input) => readOrderCreated(input, this.context));
  }

  async close(): Promise<void> {
    // No threads to stop.
  }
}
