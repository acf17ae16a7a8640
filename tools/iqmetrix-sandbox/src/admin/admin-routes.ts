import { parseFaultRequest } from '../faults/fault-input';
import type { Route, RouteContext } from '../routing';
import type { SandboxState } from '../sandbox-state';
import { jsonReply, type Reply } from '../support/http';
import { asObject, InvalidInputError, numberIn } from '../support/input';
import { adminOrderRoutes } from './admin-orders';
import { adminRoute, isJsonRequest, readJson, readText } from './admin-support';

/** The sandbox's own control API under `/_sandbox` (not part of iQmetrix; no auth). */
export const adminRoutes: Route[] = [
  adminRoute('GET', '/health', async () => jsonReply(200, { status: 'ok' })),
  ...adminOrderRoutes,
  adminRoute('GET', '/faults', async (ctx) => jsonReply(200, faultView(ctx.state))),
  adminRoute('POST', '/faults', setFaults),
  adminRoute('DELETE', '/faults', async (ctx) => {
    clearFaults(ctx.state);
    return jsonReply(200, faultView(ctx.state));
  }),
  adminRoute('POST', '/reset', async (ctx) => {
    const input = asObject(await readJson(ctx), 'the body');
    ctx.state.reset(input.seed === undefined ? undefined : String(input.seed));
    return jsonReply(200, { reset: true });
  }),
  adminRoute('GET', '/stats', async (ctx) => jsonReply(200, statsView(ctx.state))),
  adminRoute('POST', '/feed/raw', appendRawEntry),
  adminRoute('GET', '/clock', async (ctx) => jsonReply(200, clockView(ctx.state))),
  adminRoute('POST', '/clock', moveClock),
];

async function setFaults(ctx: RouteContext): Promise<Reply> {
  const request = parseFaultRequest(await readJson(ctx));
  const { state } = ctx;
  state.faults.configure(request.settings, request.seed);
  if (request.rateLimit) {
    state.limiters.accounts.configure(request.rateLimit);
    state.limiters.dropship.configure(request.rateLimit);
  }
  if (request.tokenTtlSeconds !== undefined) state.tokens.setAccessTtlSeconds(request.tokenTtlSeconds);
  const revokedTokens = request.expireTokensNow ? state.tokens.revokeAllAccessTokens() : 0;
  return jsonReply(200, { ...faultView(state), revokedTokens });
}

/** Back to the start configuration: no faults, the configured rate limit and token lifetime. */
function clearFaults(state: SandboxState): void {
  state.faults.clear();
  state.limiters.accounts.configure(state.options.rateLimit);
  state.limiters.dropship.configure(state.options.rateLimit);
  state.tokens.setAccessTtlSeconds(state.options.tokenTtlSeconds);
}

function faultView(state: SandboxState): Record<string, unknown> {
  return {
    faults: state.faults.current(),
    rateLimit: state.limiters.dropship.current(),
    tokenTtlSeconds: state.tokens.accessTtlSeconds(),
  };
}

/** Body: the entry XML itself (any non-JSON content type), or JSON `{ "xml": "<entry>…</entry>" }`. */
async function appendRawEntry(ctx: RouteContext): Promise<Reply> {
  let xml: unknown;
  if (isJsonRequest(ctx)) {
    const body = await readJson(ctx);
    xml = typeof body === 'string' ? body : asObject(body, 'the body').xml;
  } else {
    xml = await readText(ctx);
  }
  if (typeof xml !== 'string' || xml.trim() === '') throw new InvalidInputError('the raw entry XML is missing');
  ctx.state.publishRawEntry(xml);
  return jsonReply(201, { appended: true, currentPage: ctx.state.feed.currentGuid() });
}

/** Body: `{ "advanceSeconds": n }` or `{ "now": "2024-01-01T00:00:00Z" }`. */
async function moveClock(ctx: RouteContext): Promise<Reply> {
  const input = asObject(await readJson(ctx), 'the body');
  const { clock } = ctx.state;
  if (input.advanceSeconds !== undefined) {
    clock.advance(numberIn(input.advanceSeconds, 'advanceSeconds', -1e9, 1e9) * 1000);
  } else if (typeof input.now === 'string' && !Number.isNaN(Date.parse(input.now))) {
    clock.setNow(Date.parse(input.now));
  } else {
    throw new InvalidInputError('expected { "advanceSeconds": n } or { "now": "<ISO time>" }');
  }
  return jsonReply(200, clockView(ctx.state));
}

function clockView(state: SandboxState): Record<string, unknown> {
  return { now: new Date(state.clock.now()).toISOString() };
}

function statsView(state: SandboxState): Record<string, unknown> {
  const { requests, counters } = state.stats.snapshot();
  return {
    requests,
    counters,
    orders: state.orders.size,
    updates: state.updates.list().length,
    feed: { entries: state.feed.entryCount, pages: state.feed.pageCount, currentPage: state.feed.currentGuid() },
  };
}
