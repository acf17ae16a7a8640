// The feed walker and the status client against the iQmetrix sandbox over real HTTP (issue 3).
import { Logger } from '@nestjs/common';
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startSandbox, type RunningSandbox } from '../../../../tools/iqmetrix-sandbox/src';
import { TokenManager } from '../auth/token-manager';
import { IqmetrixHttp } from '../http/iqmetrix-http';
import { IqmetrixTransport } from '../http/iqmetrix-transport';
import { StatusClient } from '../status/status-client';
import { FeedWalker } from './feed-walker';
import type { PageFetch } from './feed-walker.types';

describe('FeedWalker against the sandbox', () => {
  let sandbox: RunningSandbox;
  let transport: IqmetrixTransport;
  let http: IqmetrixHttp;
  let tokens: TokenManager;
  let fetches: PageFetch[];
  let walker: FeedWalker;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    sandbox = await startSandbox({ port: 0, seed: `walker-${Date.now()}` });
  });
  afterAll(async () => {
    await sandbox.close();
  });
  beforeEach(() => {
    sandbox.reset();
    transport = new IqmetrixTransport();
    const settings = { authUrl: sandbox.url, dropshipUrl: sandbox.url, ...sandbox.credentials, supplierId: String(sandbox.supplierId) };
    tokens = new TokenManager(settings, transport);
    http = new IqmetrixHttp(sandbox.url, tokens, transport);
    fetches = [];
    walker = new FeedWalker(http, { supplierId: String(sandbox.supplierId), onFetch: (fetch) => fetches.push(fetch) });
  });
  afterEach(async () => {
    await transport.close();
  });

  it('walks back across at least three archive pages to a checkpoint and returns exactly the new entries, oldest first', async () => {
    // Given 40 orders, a checkpoint after the 40th, then 180 more orders (the checkpoint is 4 pages back)
    const first = sandbox.generateOrders(40);
    const all = await walker.readSince(null);
    expect(all.entries.map((e) => e.orderId)).toEqual(first.map((o) => o.orderId));
    const checkpoint = all.entries[all.entries.length - 1];
    const later = sandbox.generateOrders(180);
    fetches = [];
    // When reading since the checkpoint
    const result = await walker.readSince({ entryId: checkpoint.entryId, updated: checkpoint.updated });
    // Then exactly the 180 new orders come, oldest first, all order-created
    expect(result.status).toBe('found');
    expect(result.entries.map((e) => e.orderId)).toEqual(later.map((o) => o.orderId));
    expect(new Set(result.entries.map((e) => e.kind))).toEqual(new Set(['order-created']));
    // And the walk crossed at least three archive pages back from the current page
    const scanned = fetches.filter((fetch) => fetch.phase === 'scan');
    expect(scanned.length).toBeGreaterThanOrEqual(4);
    expect(scanned.slice(1).every((fetch) => /\/Notifications\/Pages\(/.test(fetch.url))).toBe(true);
    expect(result.pages).toHaveLength(scanned.length);
  });

  it('sees order- and item-level status updates accepted by iQmetrix as order-status-updated entries', async () => {
    // Given an order with two items, already read from the feed
    const [order] = sandbox.createOrders([{ items: [{ sku: 'SKU-A', quantity: 2 }, { sku: 'SKU-B', quantity: 1 }] }]);
    const [created] = (await walker.readSince(null)).entries;
    const status = new StatusClient(String(sandbox.supplierId), http, tokens);
    // When the order is acknowledged (Ordered) and one item partially shipped with a tracking number
    const ordered = await status.putOrderStatus(order.orderId, { Id: order.orderId, Status: 1 });
    const shipped = await status.putItemStatus(order.orderId, {
      Id: order.orderId,
      ItemInformation: [{ Sku: 'SKU-A', Status: 6, Quantity: 1, TrackingInfo: '1Z863YY60392796356', ShippingProvider: 'UPS' }],
    });
    // Then iQmetrix accepted both, and its admin view holds them
    expect([ordered.status, shipped.status]).toEqual([202, 202]);
    const view = (await (await fetch(`${sandbox.url}/_sandbox/orders/${order.orderId}`)).json()) as {
      status: string;
      items: { sku: string; status: string; trackingInfo: string | null }[];
    };
    expect(view.status).toBe('Ordered');
    expect(view.items.find((item) => item.sku === 'SKU-A')).toMatchObject({ status: 'PartiallyShipped', trackingInfo: '1Z863YY60392796356' });
    // And the feed now carries both updates after the order-created entry, oldest first
    const { entries } = await walker.readSince({ entryId: created.entryId, updated: created.updated });
    expect(entries.map((e) => [e.kind, e.orderId])).toEqual([
      ['order-status-updated', order.orderId],
      ['order-status-updated', order.orderId],
    ]);
    const shippedItems = entries[1].data['items'] as Record<string, unknown>[];
    expect(shippedItems).toEqual([
      expect.objectContaining({ sku: 'SKU-A', status: 'PartiallyShipped', trackingInfo: '1Z863YY60392796356', quantity: 1 }),
    ]);
  });
});
