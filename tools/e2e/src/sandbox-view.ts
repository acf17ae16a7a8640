/** What the sandbox ("iQmetrix") holds for one order, read through its admin API. */
export interface SandboxOrderView {
  orderId: string;
  status: string;
  trackingInfo: string | null;
  items: { sku: string | null; status: string; trackingInfo: string | null }[];
}

export interface SandboxUpdate {
  orderId: string;
  kind: 'order' | 'item' | 'unknown';
  accepted: boolean;
  rawBody: string;
  body: { Status?: number | string; ItemInformation?: { Sku: string; Status?: number | string }[] } | null;
}

export async function sandboxJson<T>(sandboxUrl: string, path: string): Promise<T> {
  const response = await fetch(`${sandboxUrl}/_sandbox${path}`);
  if (!response.ok) throw new Error(`GET /_sandbox${path}: ${response.status}`);
  return (await response.json()) as T;
}

export async function generateOrders(sandboxUrl: string, count: number, seed: string): Promise<string[]> {
  const response = await fetch(`${sandboxUrl}/_sandbox/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ generate: count, seed }),
  });
  if (!response.ok) throw new Error(`generating orders: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { orderIds: string[] }).orderIds;
}

/** Every accepted PUT, grouped by order id (lower case), in arrival order. */
export async function acceptedUpdatesByOrder(sandboxUrl: string): Promise<Map<string, SandboxUpdate[]>> {
  const { updates } = await sandboxJson<{ updates: SandboxUpdate[] }>(sandboxUrl, '/updates');
  const byOrder = new Map<string, SandboxUpdate[]>();
  for (const update of updates.filter((u) => u.accepted)) {
    const key = update.orderId.toLowerCase();
    byOrder.set(key, [...(byOrder.get(key) ?? []), update]);
  }
  return byOrder;
}
