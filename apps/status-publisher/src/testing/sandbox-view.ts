// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { ReceivedUpdate, RunningSandbox } from '../../../../tools/iqmetrix-sandbox/src';

/* Test support: what the sandbox received, in the shapes the tests compare. */

/** Accepted PUT bodies per order, in arrival order. */
export function acceptedBodies(sandbox: RunningSandbox, orderId: string): unknown[] {
  return sandbox.state.updates
    .forOrder(orderId)
    .filter((update) => update.accepted)
    .map((update) => update.body);
}

export function acceptedUpdates(sandbox: RunningSandbox): readonly ReceivedUpdate[] {
  return sandbox.state.updates.list().filter((update) => update.accepted);
}

/** Bodies with consecutive repeats collapsed: a PUT sent again after a crash counts once. */
export function withoutRepeats(bodies: readonly unknown[]): { unique: unknown[]; repeats: number } {
  const unique: unknown[] = [];
  let repeats = 0;
  for (const body of bodies) {
    if (unique.length > 0 && JSON.stringify(unique[unique.length - 1]) === JSON.stringify(body)) repeats += 1;
    else unique.push(body);
  }
  return { unique, repeats };
}
