import { orderStatusUpdatedXml, type ItemInformation } from '../feed/payload-writer';
import type { ItemState, OrderRecord } from '../orders/order-store';
import type { SandboxState } from '../sandbox-state';
import { jsonReply, messageReply, type Reply } from '../support/http';
import type { ItemLevelBody, OrderLevelBody, StatusValue } from './status-body';
import { statusNumber, type StatusName } from './status-names';
import { isTransitionAllowed } from './transitions';

/**
 * Applies an accepted order-level update: the order and every item take the status; TrackingInfo
 * (and the other texts) replace what was stored, null included, as a PUT of the resource would.
 */
export function applyOrderUpdate(state: SandboxState, record: OrderRecord, body: OrderLevelBody): Reply {
  const to = body.status.name;
  if (state.options.strict && !isTransitionAllowed(record.status, to)) {
    return messageReply(400, `Status cannot change from ${record.status} to ${to} (strict mode)`);
  }
  record.status = to;
  record.trackingInfo = body.trackingInfo;
  record.shippingProvider = body.shippingProvider;
  record.message = body.message;
  record.info = body.info;
  for (const item of record.items) Object.assign(item, { status: to, ...textFields(body) });
  record.acceptedUpdates += 1;
  publishStatusEntry(state, record, record.items.map((item) => itemInformation(item, item.quantity)));
  return jsonReply(202, {
    Id: body.id,
    Status: echoStatus(body.status),
    TrackingInfo: body.trackingInfo,
    ShippingProvider: body.shippingProvider,
    Info: body.info,
    Message: body.message,
  });
}

/** Applies an item update after checking every SKU (and, in strict mode, every transition) first. */
export function applyItemUpdate(state: SandboxState, record: OrderRecord, body: ItemLevelBody): Reply {
  for (const update of body.items) {
    const items = record.items.filter((item) => item.sku === update.sku);
    if (items.length === 0) return messageReply(400, `Sku '${update.sku}' is not on order ${record.order.orderId}`);
    const blocked = state.options.strict ? items.find((item) => !isTransitionAllowed(item.status, update.status.name)) : undefined;
    if (blocked) {
      return messageReply(400, `Item '${update.sku}' status cannot change from ${blocked.status} to ${update.status.name} (strict mode)`);
    }
  }
  const echoed: Record<string, unknown>[] = [];
  const published: ItemInformation[] = [];
  for (const update of body.items) {
    const items = record.items.filter((item) => item.sku === update.sku);
    for (const item of items) Object.assign(item, { status: update.status.name, ...textFields(update) });
    const quantity = update.quantity ?? items[0].quantity;
    const catalogId = update.catalogId ?? items[0].catalogId;
    published.push({ ...itemInformation(items[0], quantity), catalogId });
    echoed.push({
      Sku: update.sku, CatalogId: catalogId, Quantity: quantity, Status: echoStatus(update.status),
      TrackingInfo: update.trackingInfo, ShippingProvider: update.shippingProvider,
      ReferenceName: null, ReferenceValue: null, Info: update.info, Message: update.message,
    });
  }
  record.acceptedUpdates += 1;
  publishStatusEntry(state, record, published);
  return jsonReply(202, { Id: body.id, ItemInformation: echoed });
}

type TextFields = Pick<ItemState, 'trackingInfo' | 'shippingProvider' | 'message' | 'info'>;

function textFields(source: TextFields): TextFields {
  return { trackingInfo: source.trackingInfo, shippingProvider: source.shippingProvider, message: source.message, info: source.info };
}

function itemInformation(item: ItemState, quantity: number | null): ItemInformation {
  return {
    catalogId: item.catalogId,
    info: item.info,
    message: item.message,
    quantity,
    shippingProvider: item.shippingProvider,
    sku: item.sku,
    status: item.status,
    trackingInfo: item.trackingInfo,
  };
}

function publishStatusEntry(state: SandboxState, record: OrderRecord, items: ItemInformation[]): void {
  const { order } = record;
  const payload = orderStatusUpdatedXml({
    companyId: order.seller?.companyId ?? null,
    items,
    orderId: order.orderId,
    supplierId: order.supplierId,
  });
  state.publishEntry('Dropship Order Status Updated', payload);
}

/** The echo uses the form the client sent (the guide shows numbers echoed as numbers, names as names). */
function echoStatus(status: StatusValue): StatusName | number {
  return status.sentAs === 'number' ? statusNumber(status.name) : status.name;
}
