import type { IncomingMessage } from 'node:http';
import type { Reply } from './support/http';
import type { SandboxState } from './sandbox-state';

/** Which group of injected faults (`errorPaths`) a route belongs to. */
export type FaultTarget = 'feed' | 'put' | 'token';

/** iQmetrix runs accounts and Dropship as separate services: separate rate limits. */
export type Service = 'accounts' | 'dropship' | 'admin';

export interface RouteContext {
  req: IncomingMessage;
  url: URL;
  /** Scheme and authority the client used (or the configured public URL); links are built on it. */
  baseUrl: string;
  state: SandboxState;
  /** The pattern's capture groups. */
  params: string[];
}

export interface Route {
  name: string;
  method: string;
  pattern: RegExp;
  service: Service;
  faultTarget?: FaultTarget;
  handle(ctx: RouteContext): Promise<Reply>;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: string[] }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method === method) return { kind: 'found', route, params: match.slice(1) };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}

export function serviceOfPath(path: string): Service {
  if (path === '/_sandbox' || path.startsWith('/_sandbox/')) return 'admin';
  return /^\/v1\/oauth2(\/|$)/i.test(path) ? 'accounts' : 'dropship';
}
