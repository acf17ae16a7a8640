import { randomUUID } from 'node:crypto';
import { createEvent, EVENT_TYPES, KafkaRecord, OrderReceivedData, OrderStatusConfirmedData, StatusCommandData, toKafkaMessage } from '@dropship/messaging';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { RunningSandbox, SandboxOrder } from '../../../../tools/iqmetrix-sandbox/src';

/* Test support (used by *.int-spec.ts and the bench): records as the order-router and warehouses send them. */

/** The environment of a publisher pointed at `sandbox`, the test broker and `databaseUrl`. */
export function publisherEnv(
  sandbox: Pick<RunningSandbox, 'url' | 'credentials' | 'supplierId'>,
  options: { databaseUrl: string; brokers: string[]; prefix: string; port?: number },
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    IQMETRIX_AUTH_URL: sandbox.url,
    IQMETRIX_DROPSHIP_URL: sandbox.url,
    IQMETRIX_CLIENT_ID: sandbox.credentials.clientId,
    IQMETRIX_CLIENT_SECRET: sandbox.credentials.clientSecret,
    IQMETRIX_USERNAME: sandbox.credentials.username,
    IQMETRIX_PASSWORD: sandbox.credentials.password,
    IQMETRIX_SUPPLIER_ID: String(sandbox.supplierId),
    KAFKA_BROKERS: options.brokers.join(','),
    DATABASE_URL: options.databaseUrl,
    HTTP_PORT: String(options.port ?? 0),
    LOG_LEVEL: 'warn',
    KAFKA_TOPIC_PREFIX: options.prefix,
    TOPIC_PARTITIONS: '3',
    RELAY_BACKOFF_BASE_MS: '100',
    RELAY_BACKOFF_MAX_MS: '2000',
    RELAY_POLL_INTERVAL_MS: '500',
    ...overrides,
  };
}

/** The order-router's dropship.order.received for an order the sandbox holds. */
export function receivedData(order: SandboxOrder): OrderReceivedData {
  return {
    orderId: order.orderId,
    entryId: `urn:uuid:${randomUUID()}`,
    receivedAt: new Date().toISOString(),
    supplierId: order.supplierId ?? 60455,
    shipToStore: order.shipToStore ?? false,
    shippingMethod: order.shippingMethod,
    seller: { ...(order.seller ?? { companyId: null, locationId: null, poReference: null, printableId: null }) },
    shippingAddress: order.shippingAddress === null ? null : { ...order.shippingAddress },
    shippingCustomer: order.shippingCustomer === null ? null : { ...order.shippingCustomer },
    items: order.items.map((item) => ({
      sku: item.sku ?? 'NO-SKU',
      catalogId: item.catalogId,
      description: item.description,
      quantity: item.quantity ?? 1,
      sellingPrice: item.sellingPrice === null ? null : Number(item.sellingPrice),
    })),
  };
}

export function receivedRecord(order: SandboxOrder): KafkaRecord {
  const data = receivedData(order);
  return toKafkaMessage(
    createEvent({ type: EVENT_TYPES.orderReceived, source: '/dropship-connector/order-router', subject: data.orderId, data }),
  );
}

/** The order-router's dropship.order.status-confirmed: what iQmetrix reported for some SKUs. */
export function confirmedRecord(orderId: string, status: string | null, items: Array<{ sku: string; status: string; trackingNumbers: string[] }>): KafkaRecord {
  const data: OrderStatusConfirmedData = {
    orderId,
    entryId: `urn:uuid:${randomUUID()}`,
    confirmedAt: new Date().toISOString(),
    status,
    companyId: 33772,
    supplierId: 60455,
    items: items.map((item) => ({
      catalogId: null,
      info: null,
      message: null,
      quantity: 1,
      shippingProvider: null,
      sku: item.sku,
      status: item.status,
      trackingInfo: item.trackingNumbers.join(',') || null,
      trackingNumbers: item.trackingNumbers,
    })),
    trackingNumbers: [...new Set(items.flatMap((item) => item.trackingNumbers))],
  };
  return toKafkaMessage(createEvent({ type: EVENT_TYPES.orderStatusConfirmed, source: '/dropship-connector/order-router', subject: orderId, data }));
}

/** A warehouse's status command; `traceparent` goes in the Kafka header as W3C asks. */
export function commandRecord(data: StatusCommandData, traceparent?: string): KafkaRecord {
  const event = createEvent({ type: EVENT_TYPES.statusCommand, source: '/test/warehouse', subject: data.orderId, data });
  return toKafkaMessage(event, { traceparent });
}

/** A command event whose data is not checked (invalid commands): the envelope is right. */
export function uncheckedCommandRecord(data: Record<string, unknown> & { orderId: string }): KafkaRecord {
  const event = { ...createEvent({ type: EVENT_TYPES.statusCommand, source: '/test/warehouse', subject: data.orderId, data: {} as StatusCommandData }), data };
  return { key: data.orderId, value: Buffer.from(JSON.stringify(event)), headers: {} };
}

/** A record whose value is given as is (malformed commands). */
export function rawRecord(orderId: string, value: string): KafkaRecord {
  return { key: orderId, value: Buffer.from(value), headers: {} };
}

export function newCommandId(): string {
  return randomUUID();
}
