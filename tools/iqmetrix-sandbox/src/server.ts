import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveOptions, type SandboxCredentials, type SandboxOptions } from './options';
import { handleRequest } from './request-handler';
import { SandboxState, type GenerateRequest } from './sandbox-state';
import type { SandboxOrder, SandboxOrderInput } from './orders/order-types';
import { systemClock, type AdjustableClock } from './support/clock';
import { createLogger } from './support/log';

export interface RunningSandbox {
  /** Base URL: use it as both IQMETRIX_AUTH_URL and IQMETRIX_DROPSHIP_URL. */
  url: string;
  port: number;
  supplierId: number;
  credentials: SandboxCredentials;
  tokenUrl: string;
  feedUrl: string;
  /** Direct access to everything the sandbox holds (orders, feed, tokens, faults, updates, stats). */
  state: SandboxState;
  /** The sandbox's clock (the injected one plus the offset `POST /_sandbox/clock` moves). */
  clock: AdjustableClock;
  /** Orders completed from generated ones (see orders/order-input.ts); all or nothing. */
  createOrders(orders: readonly SandboxOrderInput[]): SandboxOrder[];
  generateOrders(count: number, options?: Omit<GenerateRequest, 'count'>): SandboxOrder[];
  /** Clears everything; a seed restarts the id and order sequences (see SandboxState.reset). */
  reset(seed?: string): void;
  close(): Promise<void>;
}

/** Starts the fake iQmetrix (accounts + Dropship on one port). Port 0 picks a free one. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const resolved = resolveOptions(options);
  const state = new SandboxState(resolved, options.clock ?? systemClock);
  const logger = createLogger(resolved.logLevel, resolved.logSink);
  const deps = { state, logger, fallbackBaseUrl: '' };
  const server = createServer((req, res) => {
    handleRequest(deps, req, res).catch((error: unknown) => logger.info('request crashed', { error: String(error) }));
  });
  server.keepAliveTimeout = 65_000;
  const port = await listen(server, resolved.port, resolved.host);
  const url = `http://${urlHost(resolved.host)}:${port}`;
  deps.fallbackBaseUrl = url;
  if (resolved.seedOrders > 0) state.generateOrders({ count: resolved.seedOrders });
  const trickle =
    resolved.orderTrickleMs > 0 ? setInterval(() => state.generateOrders({ count: 1 }), resolved.orderTrickleMs) : undefined;
  trickle?.unref();
  const feedUrl = `${resolved.publicUrl ?? url}/v1/Suppliers(${resolved.supplierId})/Notifications`;
  return {
    url,
    port,
    supplierId: resolved.supplierId,
    credentials: { ...resolved.credentials },
    tokenUrl: `${resolved.publicUrl ?? url}/v1/oauth2/token`,
    feedUrl,
    state,
    clock: state.clock,
    createOrders: (orders) => state.createOrders(orders),
    generateOrders: (count, generateOptions) => state.generateOrders({ ...generateOptions, count }),
    reset: (seed) => state.reset(seed),
    close: () => {
      if (trickle) clearInterval(trickle);
      return closeServer(server);
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** A wildcard listen address is not something a client can connect to; IPv6 needs brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
