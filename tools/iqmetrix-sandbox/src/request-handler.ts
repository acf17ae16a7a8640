import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { adminRoutes } from './admin/admin-routes';
import { tokenRoute } from './auth/token-route';
import { currentFeedRoute, feedPageRoute } from './feed/feed-routes';
import { matchRoute, serviceOfPath, type RouteContext, type RouteMatch, type Service } from './routing';
import type { SandboxState } from './sandbox-state';
import { itemStatusRoute, orderStatusRoute } from './status/status-handler';
import { BodyTooLargeError, jsonReply, messageReply, textReply, writeReply, type Reply } from './support/http';
import type { SandboxLogger } from './support/log';

const ROUTES = [tokenRoute, currentFeedRoute, feedPageRoute, orderStatusRoute, itemStatusRoute, ...adminRoutes];

type Outcome = Reply | 'dropped';

export interface HandlerDeps {
  state: SandboxState;
  logger: SandboxLogger;
  /** Base URL used for links when the request has no Host header. */
  fallbackBaseUrl: string;
}

export async function handleRequest(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { state, logger } = deps;
  const started = performance.now();
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const method = req.method ?? 'GET';
  const match = matchRoute(ROUTES, method, url.pathname);
  const routeName = match.kind === 'found' ? match.route.name : match.kind;
  const ctx: RouteContext = { req, url, baseUrl: baseUrlOf(deps, req), state, params: match.kind === 'found' ? match.params : [] };
  let outcome: Outcome;
  try {
    const service = serviceOfPath(url.pathname);
    outcome = service === 'admin' ? await runAdmin(ctx, match) : await runApi(ctx, match, service);
  } catch (error) {
    outcome = error instanceof BodyTooLargeError ? messageReply(413, error.message) : messageReply(500, 'An error has occurred.');
    if (!(error instanceof BodyTooLargeError)) logger.info('request failed', { method, path: url.pathname, error: String(error) });
  }
  if (outcome === 'dropped') {
    req.socket.destroy();
    state.stats.increment('droppedConnections');
  } else {
    writeReply(res, outcome);
  }
  const status = outcome === 'dropped' ? 0 : outcome.status;
  state.stats.countRequest(routeName, status);
  logger.debug('request', { method, path: url.pathname, route: routeName, status, durationMs: Math.round(performance.now() - started) });
}

async function runAdmin(ctx: RouteContext, match: RouteMatch): Promise<Reply> {
  if (match.kind === 'found') return match.route.handle(ctx);
  if (match.kind === 'method-not-allowed') return jsonReply(405, { error: `use ${match.allowed.join(' or ')}` });
  return jsonReply(404, { error: 'not found' });
}

/** iQmetrix's side: rate limit (headers on every answer), injected faults, token check, then the route. */
async function runApi(ctx: RouteContext, match: RouteMatch, service: Exclude<Service, 'admin'>): Promise<Outcome> {
  const decision = ctx.state.limiters[service].hit();
  const outcome = decision.allowed ? await answerApi(ctx, match, service) : textReply(429, 'rate limit exceeded');
  if (outcome === 'dropped') return outcome;
  return { ...outcome, headers: { ...decision.headers, ...outcome.headers } };
}

async function answerApi(ctx: RouteContext, match: RouteMatch, service: Exclude<Service, 'admin'>): Promise<Outcome> {
  const { state, req } = ctx;
  const fault = state.faults.decide(match.kind === 'found' ? match.route.faultTarget : undefined);
  if (fault.latencyMs > 0) await delay(fault.latencyMs);
  if (fault.dropConnection) return 'dropped';
  if (fault.errorStatus !== undefined) {
    state.stats.increment('injectedErrors');
    return textReply(fault.errorStatus, STATUS_CODES[fault.errorStatus] ?? 'Error');
  }
  if (match.kind === 'not-found') return messageReply(404, 'Not found');
  if (match.kind === 'method-not-allowed') {
    const reply = messageReply(405, `The requested resource does not support http method '${req.method ?? ''}'.`);
    return { ...reply, headers: { Allow: match.allowed.join(', ') } };
  }
  if (service === 'dropship' && !state.tokens.isAccessTokenValid(bearerToken(req))) {
    return textReply(401, 'invalid token');
  }
  return match.route.handle(ctx);
}

function bearerToken(req: IncomingMessage): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match ? match[1] : '';
}

function baseUrlOf(deps: HandlerDeps, req: IncomingMessage): string {
  const configured = deps.state.options.publicUrl;
  if (configured) return configured;
  return req.headers.host ? `http://${req.headers.host}` : deps.fallbackBaseUrl;
}
