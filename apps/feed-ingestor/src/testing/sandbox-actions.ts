// Test-only: what a retailer or the supplier does at iQmetrix, done against the sandbox over HTTP.
// The sandbox is a standalone tool (no Nx project or package) that tests start in-process, as its README says.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { RunningSandbox } from '../../../../tools/iqmetrix-sandbox/src';

/** The supplier acknowledges an order (PUT OrderStatusUpdate Ordered): an order-status-updated entry follows. */
export async function acknowledgeOrder(sandbox: RunningSandbox, orderId: string): Promise<void> {
  const { clientId, clientSecret, username, password } = sandbox.credentials;
  const form = new URLSearchParams({ grant_type: 'password', username, password, client_id: clientId, client_secret: clientSecret });
  const token = (await (await fetch(sandbox.tokenUrl, { method: 'POST', body: form })).json()) as { access_token: string };
  const response = await fetch(`${sandbox.url}/v1/Suppliers(${sandbox.supplierId})/Orders(${orderId})/OrderStatusUpdate`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ Id: orderId, Status: 1 }),
  });
  if (response.status !== 202) throw new Error(`acknowledging ${orderId} failed: ${response.status} ${await response.text()}`);
}

/** An entry as it would sit on the feed (Atom, order-created payload) with a chosen id and payload body. */
export function rawEntry(entryId: string, payload: string, title = 'Dropship Order Created'): string {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return (
    `<entry xmlns="http://www.w3.org/2005/Atom"><id>${entryId}</id><title type="text">${title}</title>` +
    `<published>${now}</published><updated>${now}</updated>` +
    `<content type="application/xml">${payload}</content></entry>`
  );
}
