/** One status PUT as the sandbox received it, accepted or not (`GET /_sandbox/.../updates`). */
export interface ReceivedUpdate {
  seq: number;
  /** The order id from the URL, as sent. */
  orderId: string;
  /** `OrderStatusUpdate` or `ItemStatusUpdate`: the path segment used. */
  path: string;
  /** `order` or `item` (decided by the body: an `ItemInformation` array makes an item update). */
  kind: 'order' | 'item' | 'unknown';
  receivedAt: string;
  contentType: string;
  rawBody: string;
  body: unknown;
  accepted: boolean;
  httpStatus: number;
  error: string | null;
  /** Accepted but noteworthy: Status omitted (PendingSupplier applied), TrackingInfo sent as a number, … */
  warnings: string[];
}

export type NewUpdate = Omit<ReceivedUpdate, 'seq'>;

export class UpdateLog {
  private all: ReceivedUpdate[] = [];
  private byOrder = new Map<string, ReceivedUpdate[]>();

  record(update: NewUpdate): ReceivedUpdate {
    const entry: ReceivedUpdate = { seq: this.all.length + 1, ...update };
    this.all.push(entry);
    const key = update.orderId.toLowerCase();
    const list = this.byOrder.get(key) ?? [];
    list.push(entry);
    this.byOrder.set(key, list);
    return entry;
  }

  forOrder(orderId: string): readonly ReceivedUpdate[] {
    return this.byOrder.get(orderId.toLowerCase()) ?? [];
  }

  list(): readonly ReceivedUpdate[] {
    return this.all;
  }

  clear(): void {
    this.all = [];
    this.byOrder.clear();
  }
}
