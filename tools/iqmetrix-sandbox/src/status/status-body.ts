import { statusFromName, statusFromNumber, STATUS_NAMES, type StatusName } from './status-names';

export interface StatusValue {
  name: StatusName;
  /** How the client sent it; echoed back in the same form. */
  sentAs: 'name' | 'number' | 'missing';
}

export interface UpdateFields {
  trackingInfo: string | null;
  shippingProvider: string | null;
  message: string | null;
  info: string | null;
}

export interface OrderLevelBody extends UpdateFields {
  kind: 'order';
  id: string;
  status: StatusValue;
}

export interface ItemBody extends UpdateFields {
  sku: string;
  status: StatusValue;
  catalogId: string | null | undefined;
  quantity: number | undefined;
}

export interface ItemLevelBody {
  kind: 'item';
  id: string;
  items: ItemBody[];
}

export type StatusBody = (OrderLevelBody | ItemLevelBody) & { warnings: string[] };

/** A body iQmetrix would refuse; the message is returned to the client with 400. */
export class InvalidStatusBodyError extends Error {}

/**
 * Reads an OrderStatusUpdate or ItemStatusUpdate body. An `ItemInformation` array makes it an
 * item update on either path (the guide's own item example PUTs to OrderStatusUpdate).
 */
export function parseStatusBody(body: unknown, path: 'OrderStatusUpdate' | 'ItemStatusUpdate'): StatusBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidStatusBodyError('The request is invalid: the body must be a JSON object');
  }
  const input = body as Record<string, unknown>;
  if (typeof input.Id !== 'string' || input.Id.trim() === '') throw new InvalidStatusBodyError('Id is required');
  const warnings: string[] = [];
  if (input.ItemInformation === undefined || input.ItemInformation === null) {
    if (path === 'ItemStatusUpdate') throw new InvalidStatusBodyError('ItemInformation is required on ItemStatusUpdate');
    return { kind: 'order', id: input.Id, status: readStatus(input.Status, 'Status', warnings), ...readFields(input, '', warnings), warnings };
  }
  if (!Array.isArray(input.ItemInformation) || input.ItemInformation.length === 0) {
    throw new InvalidStatusBodyError('ItemInformation must be a non-empty array');
  }
  if (input.Status !== undefined || input.TrackingInfo !== undefined) {
    warnings.push('order-level Status/TrackingInfo ignored: the body has ItemInformation, so it is an item update');
  }
  const items = input.ItemInformation.map((item, index) => readItem(item, `ItemInformation[${index}]`, warnings));
  return { kind: 'item', id: input.Id, items, warnings };
}

function readItem(value: unknown, where: string, warnings: string[]): ItemBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidStatusBodyError(`${where} must be an object`);
  }
  const item = value as Record<string, unknown>;
  if (typeof item.Sku !== 'string' || item.Sku === '') throw new InvalidStatusBodyError(`${where}.Sku is required`);
  const quantity = item.Quantity;
  if (quantity !== undefined && quantity !== null && !(Number.isInteger(quantity) && (quantity as number) >= 0)) {
    throw new InvalidStatusBodyError(`${where}.Quantity must be a whole number`);
  }
  return {
    sku: item.Sku,
    status: readStatus(item.Status, `${where}.Status`, warnings),
    catalogId: optionalText(item.CatalogId, `${where}.CatalogId`),
    quantity: (quantity ?? undefined) as number | undefined,
    ...readFields(item, `${where}.`, warnings),
  };
}

/** Omitted Status means PendingSupplier (documented), which the sandbox applies and reports. */
function readStatus(value: unknown, where: string, warnings: string[]): StatusValue {
  if (value === undefined) {
    warnings.push(`${where} missing: PendingSupplier applied (the documented default)`);
    return { name: 'PendingSupplier', sentAs: 'missing' };
  }
  const name = typeof value === 'number' ? statusFromNumber(value) : typeof value === 'string' ? statusFromName(value) : undefined;
  if (name === undefined) {
    throw new InvalidStatusBodyError(
      `${where} ${JSON.stringify(value)} is not a valid status: use a name (${STATUS_NAMES.join(', ')}) or a number 0-8`,
    );
  }
  return { name, sentAs: typeof value === 'number' ? 'number' : 'name' };
}

function readFields(input: Record<string, unknown>, prefix: string, warnings: string[]): UpdateFields {
  let trackingInfo = input.TrackingInfo;
  if (typeof trackingInfo === 'number') {
    warnings.push(`${prefix}TrackingInfo sent as a number (documented as a string; leading zeros would be lost)`);
    trackingInfo = String(trackingInfo);
  }
  return {
    trackingInfo: optionalText(trackingInfo, `${prefix}TrackingInfo`) ?? null,
    shippingProvider: optionalText(input.ShippingProvider, `${prefix}ShippingProvider`) ?? null,
    message: optionalText(input.Message, `${prefix}Message`) ?? null,
    info: optionalText(input.Info, `${prefix}Info`) ?? null,
  };
}

function optionalText(value: unknown, where: string): string | null | undefined {
  if (value === undefined || value === null || typeof value === 'string') return value;
  throw new InvalidStatusBodyError(`${where} must be a string`);
}
