import { asObject, InvalidInputError } from '../support/input';
import { catalogIdOf } from './order-generator';
import type { SandboxOrder, SandboxOrderItem } from './order-types';

const NUMBER_FIELDS = new Set(['companyId', 'locationId', 'quantity', 'supplierId']);

/**
 * An order given to `POST /_sandbox/orders`, completed from a generated one: a test names only
 * what it cares about (`{ "orderId": "…", "items": [{ "sku": "AB-1" }] }`). Top-level groups
 * (seller, shippingAddress, shippingCustomer) merge field by field; `null` means nil in the feed.
 */
export function orderFromInput(value: unknown, generated: SandboxOrder): SandboxOrder {
  const input = asObject(value, 'each order');
  rejectUnknown(input, Object.keys(generated), 'order');
  const order: SandboxOrder = { ...generated };
  if (input.orderId !== undefined) {
    if (typeof input.orderId !== 'string' || input.orderId.trim() === '') throw new InvalidInputError('orderId must be a non-empty string');
    order.orderId = input.orderId;
  }
  if (input.items !== undefined) order.items = itemsFromInput(input.items, generated.items);
  order.seller = mergeGroup(input.seller, generated.seller, 'seller');
  order.shippingAddress = mergeGroup(input.shippingAddress, generated.shippingAddress, 'shippingAddress');
  order.shippingCustomer = mergeGroup(input.shippingCustomer, generated.shippingCustomer, 'shippingCustomer');
  if (input.shipToStore !== undefined) order.shipToStore = checked(input.shipToStore, 'boolean', 'shipToStore');
  if (input.shippingMethod !== undefined) order.shippingMethod = checked(input.shippingMethod, 'string', 'shippingMethod');
  if (input.supplierId !== undefined) order.supplierId = checked(input.supplierId, 'number', 'supplierId');
  return order;
}

function itemsFromInput(value: unknown, generated: SandboxOrderItem[]): SandboxOrderItem[] {
  if (!Array.isArray(value) || value.length === 0) throw new InvalidInputError('items must be a non-empty array');
  return value.map((raw, index) => {
    const input = asObject(raw, `items[${index}]`);
    const base = generated[index % generated.length];
    const sku = input.sku === undefined ? base.sku : checked<string>(input.sku, 'string', `items[${index}].sku`);
    const defaults: SandboxOrderItem = {
      catalogId: sku === null ? null : catalogIdOf(sku),
      description: base.description,
      quantity: 1,
      sellingPrice: base.sellingPrice,
      sku,
    };
    const price = input.sellingPrice;
    const normalized = typeof price === 'number' ? { ...input, sellingPrice: String(price) } : input;
    return mergeGroup(normalized, defaults, `items[${index}]`) as SandboxOrderItem;
  });
}

function mergeGroup<T extends object>(value: unknown, base: T | null, name: string): T | null {
  if (value === undefined) return base;
  if (value === null) return null;
  const input = asObject(value, name);
  const template = (base ?? {}) as Record<string, unknown>;
  rejectUnknown(input, Object.keys(template), name);
  const merged: Record<string, unknown> = { ...template };
  for (const [field, fieldValue] of Object.entries(input)) {
    merged[field] = checked(fieldValue, NUMBER_FIELDS.has(field) ? 'number' : 'string', `${name}.${field}`);
  }
  return merged as T;
}

function checked<T>(value: unknown, type: 'string' | 'number' | 'boolean', field: string): T | null {
  if (value === null || typeof value === type) return value as T | null;
  throw new InvalidInputError(`${field} must be a ${type} or null`);
}

function rejectUnknown(input: Record<string, unknown>, known: string[], name: string): void {
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new InvalidInputError(`unknown field(s) in ${name}: ${unknown.join(', ')}`);
}
