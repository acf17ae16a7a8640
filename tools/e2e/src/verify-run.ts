import type { OrderPlan } from './command-plan';
import type { ObservedResults } from './e2e-warehouse';
import { SandboxOrderView, SandboxUpdate } from './sandbox-view';

const STATUS_NAMES = ['PendingSupplier', 'Ordered', 'Shipped', 'BackOrdered', 'Error', 'NotAvailable', 'PartiallyShipped', 'Cancelled', 'Other'];

export interface Verdict {
  violations: string[];
  repeatedPuts: number;
  duplicateResults: number;
}

interface Evidence {
  plans: ReadonlyMap<string, OrderPlan>;
  observed: ObservedResults;
  updates: ReadonlyMap<string, SandboxUpdate[]>;
  orders: ReadonlyMap<string, SandboxOrderView>;
}

/** Every check of the run, per order; a violation names the order and what was wrong. */
export function verifyRun(orderIds: readonly string[], evidence: Evidence): Verdict {
  const verdict: Verdict = { violations: [], repeatedPuts: 0, duplicateResults: 0 };
  for (const orderId of orderIds) {
    const received = evidence.observed.received.get(orderId) ?? 0;
    if (received !== 1) verdict.violations.push(`${orderId}: received ${received} times downstream (expected exactly once)`);
    const plan = evidence.plans.get(orderId);
    if (!plan) continue;
    checkResults(plan, evidence.observed, verdict);
    checkPuts(plan, evidence.updates.get(orderId.toLowerCase()) ?? [], verdict);
    checkFinalState(plan, evidence.orders.get(orderId), verdict);
  }
  return verdict;
}

function checkResults(plan: OrderPlan, observed: ObservedResults, verdict: Verdict): void {
  for (const command of plan.commands) {
    const outcomes = observed.outcomes.get(command.commandId) ?? [];
    const expected = command.valid ? ['accepted', 'delivered'] : ['rejected'];
    const distinct = [...new Set(outcomes)];
    verdict.duplicateResults += outcomes.length - distinct.length;
    if (distinct.join(',') !== expected.join(',')) {
      verdict.violations.push(`${plan.orderId}: command ${command.commandId} outcomes [${outcomes}] (expected [${expected}])`);
    }
  }
}

/** The PUTs iQmetrix received: the auto-acknowledgement, then one per valid command, in order. */
function checkPuts(plan: OrderPlan, updates: SandboxUpdate[], verdict: Verdict): void {
  const expected = ['order:Ordered:', ...plan.commands.filter((c) => c.valid && c.put).map((c) => `${c.put?.kind}:${c.put?.status}:${c.put?.skus.join('+')}`)];
  const observed: string[] = [];
  let previousBody: string | undefined;
  for (const update of updates) {
    if (update.rawBody === previousBody) {
      verdict.repeatedPuts += 1;
      continue;
    }
    previousBody = update.rawBody;
    observed.push(describePut(update));
  }
  if (observed.join(' > ') !== expected.join(' > ')) {
    verdict.violations.push(`${plan.orderId}: PUTs [${observed.join(' > ')}] (expected [${expected.join(' > ')}])`);
  }
}

function describePut(update: SandboxUpdate): string {
  const items = update.body?.ItemInformation;
  if (update.kind === 'item' && items) {
    return `item:${statusName(items[0]?.Status)}:${items.map((item) => item.Sku).join('+')}`;
  }
  return `order:${statusName(update.body?.Status)}:`;
}

function checkFinalState(plan: OrderPlan, view: SandboxOrderView | undefined, verdict: Verdict): void {
  if (!view) {
    verdict.violations.push(`${plan.orderId}: not found at the sandbox`);
    return;
  }
  if (view.status !== plan.finalOrderStatus) {
    verdict.violations.push(`${plan.orderId}: status ${view.status} at iQmetrix (expected ${plan.finalOrderStatus})`);
  }
  requireNumbers(plan.orderId, 'order', view.trackingInfo, plan.orderTracking, verdict);
  for (const item of view.items) {
    const sku = item.sku ?? '';
    const status = plan.finalItemStatus[sku];
    if (status && item.status !== status) verdict.violations.push(`${plan.orderId}: item ${sku} is ${item.status} (expected ${status})`);
    requireNumbers(plan.orderId, `item ${sku}`, item.trackingInfo, plan.itemTracking[sku] ?? [], verdict);
  }
}

function requireNumbers(orderId: string, what: string, trackingInfo: string | null, numbers: string[], verdict: Verdict): void {
  const held = new Set((trackingInfo ?? '').split(',').map((n) => n.trim()));
  const missing = numbers.filter((number) => !held.has(number));
  if (missing.length) verdict.violations.push(`${orderId}: ${what} TrackingInfo "${trackingInfo}" lacks ${missing.join(', ')}`);
}

function statusName(status: number | string | undefined): string {
  return typeof status === 'number' ? (STATUS_NAMES[status] ?? String(status)) : String(status);
}
