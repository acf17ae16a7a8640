import type { RouteContext } from '../routing';
import type { OrderRecord } from '../orders/order-store';
import type { SandboxOrder } from '../orders/order-types';
import { jsonReply, type Reply } from '../support/http';
import { asObject, integerIn, InvalidInputError } from '../support/input';
import { adminRoute, notFound, readJson } from './admin-support';

/** Above this many orders, `POST /_sandbox/orders` answers ids only (a 20,000-order seed stays light). */
const MAX_ORDERS_IN_ANSWER = 1000;

export const adminOrderRoutes = [
  adminRoute('POST', '/orders', createOrders),
  adminRoute('GET', '/orders', async (ctx) => jsonReply(200, { count: ctx.state.orders.size, orderIds: ctx.state.orders.ids() })),
  adminRoute('GET', '/orders/{id}', async (ctx) => withOrder(ctx, (record) => jsonReply(200, orderView(ctx, record)))),
  adminRoute('GET', '/orders/{id}/updates', async (ctx) =>
    withOrder(ctx, (record) => jsonReply(200, { updates: ctx.state.updates.forOrder(record.order.orderId) })),
  ),
  adminRoute('POST', '/orders/{id}/republish', async (ctx) =>
    withOrder(ctx, (record) => jsonReply(201, { entryId: ctx.state.republishOrder(record) })),
  ),
  adminRoute('GET', '/updates', async (ctx) => {
    const updates = ctx.state.updates.list();
    return jsonReply(200, { count: updates.length, updates });
  }),
];

/** Body: a list of (partial) orders, `{ "orders": [...] }`, or `{ "generate": N, "seed"?, "shipToStore"? }`. */
async function createOrders(ctx: RouteContext): Promise<Reply> {
  const body = await readJson(ctx);
  let orders: SandboxOrder[];
  if (Array.isArray(body)) {
    orders = ctx.state.createOrders(body);
  } else {
    const input = asObject(body, 'the body');
    if (Array.isArray(input.orders)) {
      orders = ctx.state.createOrders(input.orders);
    } else if (input.generate !== undefined) {
      if (input.shipToStore !== undefined && typeof input.shipToStore !== 'boolean') {
        throw new InvalidInputError('shipToStore must be a boolean');
      }
      orders = ctx.state.generateOrders({
        count: integerIn(input.generate, 'generate', 0, 1_000_000),
        seed: input.seed === undefined ? undefined : String(input.seed),
        shipToStore: input.shipToStore as boolean | undefined,
      });
    } else {
      throw new InvalidInputError('expected a list of orders, { "orders": [...] } or { "generate": N }');
    }
  }
  const orderIds = orders.map((order) => order.orderId);
  const answer = orders.length <= MAX_ORDERS_IN_ANSWER ? { count: orders.length, orderIds, orders } : { count: orders.length, orderIds };
  return jsonReply(201, answer);
}

function withOrder(ctx: RouteContext, answer: (record: OrderRecord) => Reply): Reply {
  const orderId = decodeURIComponent(ctx.params[0]);
  const record = ctx.state.orders.get(orderId);
  return record ? answer(record) : notFound(`order ${orderId}`);
}

function orderView(ctx: RouteContext, record: OrderRecord): Record<string, unknown> {
  return {
    orderId: record.order.orderId,
    createdAt: record.createdAt,
    status: record.status,
    trackingInfo: record.trackingInfo,
    shippingProvider: record.shippingProvider,
    message: record.message,
    info: record.info,
    items: record.items,
    acceptedUpdates: record.acceptedUpdates,
    receivedUpdates: ctx.state.updates.forOrder(record.order.orderId).length,
    order: record.order,
  };
}
