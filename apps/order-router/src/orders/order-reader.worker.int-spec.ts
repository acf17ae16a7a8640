// The built reader thread (dist/apps/order-router/order-reader.worker.js, from `npm run build`)
// against the main-thread reader: the same records must read the same, rejections included.
import { join } from 'node:path';
import { orderCreatedRecord, TRACEPARENT } from '../testing/router-fixtures';
import { RouteMatcher } from '../rules/route-matcher';
import type { RoutingRule } from '../rules/routing-rule';
import type { OrderCreatedInput, OrderRead } from './order-read';
import { InlineOrderReader } from './order-reader';
import { WorkerOrderReader } from './worker-order-reader';

const BUILT_SCRIPT = join(__dirname, '..', '..', '..', '..', 'dist', 'apps', 'order-router', 'order-reader.worker.js');
const RULES: RoutingRule[] = [{ position: 1, route: 'ship-to-store', when: { shipToStore: true } }];

function input(value: string | Buffer | null, traceparent?: string): OrderCreatedInput {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  return traceparent === undefined ? { value: bytes } : { value: bytes, traceparent };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reshapes the event freely
type LooseEvent = Record<string, any>;

function orderText(orderId: string, change: (event: LooseEvent) => void = () => undefined): string {
  const event = JSON.parse(String(orderCreatedRecord(orderId, { shipToStore: 'true' }).value)) as LooseEvent;
  change(event);
  return JSON.stringify(event);
}

describe('order-reader.worker.js (built)', () => {
  let reader: WorkerOrderReader | undefined;

  afterAll(async () => {
    await reader?.close();
  });

  it('reads every kind of record exactly as the main thread does', async () => {
    // Given records that normalize, that break the schema, that are not JSON, that cannot be
    // normalized, that carry their trace only in the event, and a null value
    const inputs = [
      input(orderText('order-1'), TRACEPARENT),
      input(orderText('order-2', (event) => (event['data'].items[0].quantity = '1')), TRACEPARENT),
      input('{ not json'),
      input(orderText('order-3', (event) => (event['data'].shipToStore = 'perhaps'))),
      input(orderText('order-4', (event) => (event['traceparent'] = '00-11111111111111111111111111111111-2222222222222222-01'))),
      input(null),
      input(orderText('order-5', (event) => (event['data'].giftWrap = 'yes'))),
    ];

    // When read on the built thread and on the main thread
    reader = new WorkerOrderReader(BUILT_SCRIPT, 1, { rules: RULES, supplierId: 60455 });
    const threaded = await reader.read(inputs);
    const inline = await new InlineOrderReader({ matcher: new RouteMatcher(RULES), supplierId: 60455 }).read(inputs);

    // Then both give the same reads (the thread's values come back as UTF-8 bytes), and those are
    // what each record deserves
    expect(threaded.map(withTextValue)).toEqual(inline);
    for (const read of threaded) if (read.kind === 'order') expect(Buffer.isBuffer(read.received.value)).toBe(true);
    expect(threaded.map((read) => (read.kind === 'order' ? `order ${read.orderId} ${read.routes.join()}` : `rejected ${read.rejection.code}`))).toEqual([
      'order order-1 ship-to-store',
      'rejected MESSAGE.SCHEMA_VIOLATION',
      'rejected MESSAGE.NOT_JSON',
      'rejected ORDER.NOT_NORMALIZABLE',
      'order order-4 ship-to-store',
      'rejected MESSAGE.NOT_JSON',
      'order order-5 ship-to-store',
    ]);
    const [first, , , , fourth, , fifth] = threaded;
    expect(first).toMatchObject({ received: { key: 'order-1', headers: { traceparent: TRACEPARENT } } });
    expect(fourth).toMatchObject({ received: { headers: { traceparent: '00-11111111111111111111111111111111-2222222222222222-01' } } });
    expect(fifth?.kind === 'order' && JSON.parse(fifth.received.value.toString()).data.giftWrap).toBe('yes');
  });
});

function withTextValue(read: OrderRead): OrderRead {
  return read.kind === 'order' ? { ...read, received: { ...read.received, value: read.received.value.toString() } } : read;
}
