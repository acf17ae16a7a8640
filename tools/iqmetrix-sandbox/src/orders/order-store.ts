import type { StatusName } from '../status/status-names';
import type { SandboxOrder } from './order-types';

/** What the sandbox (as iQmetrix) knows about one item after the status updates it accepted. */
export interface ItemState {
  sku: string | null;
  catalogId: string | null;
  quantity: number | null;
  status: StatusName;
  /** The last TrackingInfo received for this item (a PUT replaces it, as iQmetrix presumably does). */
  trackingInfo: string | null;
  shippingProvider: string | null;
  message: string | null;
  info: string | null;
}

export interface OrderRecord {
  order: SandboxOrder;
  createdAt: string;
  status: StatusName;
  /** The last order-level TrackingInfo received. */
  trackingInfo: string | null;
  shippingProvider: string | null;
  message: string | null;
  info: string | null;
  items: ItemState[];
  acceptedUpdates: number;
}

export class DuplicateOrderError extends Error {
  constructor(readonly orderId: string) {
    super(`order ${orderId} already exists`);
  }
}

/** Orders by id; ids compare without regard to case (GUIDs). */
export class OrderStore {
  private records = new Map<string, OrderRecord>();

  add(order: SandboxOrder, createdAt: string): OrderRecord {
    const key = order.orderId.toLowerCase();
    if (this.records.has(key)) throw new DuplicateOrderError(order.orderId);
    const record: OrderRecord = {
      order,
      createdAt,
      status: 'PendingSupplier',
      trackingInfo: null,
      shippingProvider: null,
      message: null,
      info: null,
      items: order.items.map((item) => ({
        sku: item.sku,
        catalogId: item.catalogId,
        quantity: item.quantity,
        status: 'PendingSupplier',
        trackingInfo: null,
        shippingProvider: null,
        message: null,
        info: null,
      })),
      acceptedUpdates: 0,
    };
    this.records.set(key, record);
    return record;
  }

  has(orderId: string): boolean {
    return this.records.has(orderId.toLowerCase());
  }

  get(orderId: string): OrderRecord | undefined {
    return this.records.get(orderId.toLowerCase());
  }

  ids(): string[] {
    return [...this.records.values()].map((record) => record.order.orderId);
  }

  get size(): number {
    return this.records.size;
  }

  clear(): void {
    this.records.clear();
  }
}
