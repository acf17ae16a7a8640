import { OrderPlan, planOrder } from './command-plan';
import { ObservedResults } from './e2e-warehouse';
import { SandboxOrderView, SandboxUpdate } from './sandbox-view';
import { verifyRun } from './verify-run';

const STATUS = { Ordered: 1, Shipped: 2, BackOrdered: 3, PartiallyShipped: 6, Cancelled: 7 } as Record<string, number>;

/** What a correct connector leaves behind for `plan`: results, PUTs and the order at iQmetrix. */
function perfectRun(plan: OrderPlan): { observed: ObservedResults; updates: SandboxUpdate[]; view: SandboxOrderView } {
  const observed: ObservedResults = { outcomes: new Map(), received: new Map([[plan.orderId, 1]]) };
  const updates: SandboxUpdate[] = [put(plan.orderId, { Id: plan.orderId, Status: 1 })];
  for (const command of plan.commands) {
    observed.outcomes.set(command.commandId, command.valid ? ['accepted', 'delivered'] : ['rejected']);
    if (!command.put) continue;
    const status = STATUS[command.put.status] as number;
    const body = command.put.kind === 'order' ? { Id: plan.orderId, Status: status } : { Id: plan.orderId, ItemInformation: command.put.skus.map((Sku) => ({ Sku, Status: status })) };
    updates.push(put(plan.orderId, body, command.put.kind));
  }
  const view: SandboxOrderView = {
    orderId: plan.orderId,
    status: plan.finalOrderStatus,
    trackingInfo: plan.orderTracking.join(','),
    items: Object.entries(plan.finalItemStatus).map(([sku, status]) => ({ sku, status, trackingInfo: (plan.itemTracking[sku] ?? []).join(',') })),
  };
  return { observed, updates, view };
}

function put(orderId: string, body: Record<string, unknown>, kind: 'order' | 'item' = 'order'): SandboxUpdate {
  return { orderId, kind, accepted: true, rawBody: JSON.stringify(body), body: body as SandboxUpdate['body'] };
}

function planOfKind(kind: string): OrderPlan {
  for (let i = 0; i < 500; i += 1) {
    const plan = planOrder({ orderId: `order-${i}`, items: [{ sku: 'AB-1', quantity: 2 }, { sku: 'CD-2', quantity: 1 }] }, 'seed');
    if (plan.kind === kind) return plan;
  }
  throw new Error(`no plan of kind ${kind}`);
}

function verify(plan: OrderPlan, run: ReturnType<typeof perfectRun>) {
  return verifyRun([plan.orderId], {
    plans: new Map([[plan.orderId, plan]]),
    observed: run.observed,
    updates: new Map([[plan.orderId.toLowerCase(), run.updates]]),
    orders: new Map([[plan.orderId, run.view]]),
  });
}

describe('verifyRun', () => {
  it.each(['whole shipment', 'partial shipments', 'back-order, then ship', 'cancel (then an invalid Shipped)', 'invalid commands, then ship'])(
    'finds nothing wrong with a correct run of a "%s" order',
    (kind) => {
      const plan = planOfKind(kind);
      expect(verify(plan, perfectRun(plan)).violations).toEqual([]);
    },
  );

  it('catches a tracking number dropped from the union', () => {
    // Given a partial shipment whose last PUT forgot the first tracking number of an item
    const plan = planOfKind('partial shipments');
    const run = perfectRun(plan);
    const item = run.view.items.find((i) => (i.trackingInfo ?? '').includes(','));
    if (!item) throw new Error('expected an item with two numbers');
    item.trackingInfo = (item.trackingInfo ?? '').split(',')[1] ?? null;
    // Then the run is a violation naming the missing number
    expect(verify(plan, run).violations).toEqual([expect.stringMatching(/TrackingInfo .* lacks 1Z/)]);
  });

  it('catches an order received twice downstream, and a PUT out of order', () => {
    const plan = planOfKind('back-order, then ship');
    const run = perfectRun(plan);
    run.observed.received.set(plan.orderId, 2);
    [run.updates[1], run.updates[2]] = [run.updates[2] as SandboxUpdate, run.updates[1] as SandboxUpdate];
    const violations = verify(plan, run).violations;
    expect(violations).toEqual([expect.stringMatching(/received 2 times/), expect.stringMatching(/PUTs \[/)]);
  });

  it('counts a PUT repeated in a crash window without calling it a violation', () => {
    const plan = planOfKind('whole shipment');
    const run = perfectRun(plan);
    run.updates.push(run.updates[run.updates.length - 1] as SandboxUpdate);
    expect(verify(plan, run)).toMatchObject({ violations: [], repeatedPuts: 1 });
  });

  it('catches a rejected command that iQmetrix received anyway', () => {
    const plan = planOfKind('cancel (then an invalid Shipped)');
    const run = perfectRun(plan);
    run.updates.push(put(plan.orderId, { Id: plan.orderId, Status: 2 }));
    expect(verify(plan, run).violations).toEqual([expect.stringMatching(/PUTs \[.*order:Shipped:\]/)]);
  });
});
