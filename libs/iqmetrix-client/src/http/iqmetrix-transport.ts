import { Logger } from '@nestjs/common';
import { Agent, Dispatcher } from 'undici';
import { callContext } from './call-context';
import { errorForTransportFailure } from './classify';

/** Connection and timeout settings; every field has a production default. */
export interface IqmetrixTransportOptions {
  /** Keep-alive connections per origin (the accounts host and the Dropship host each get a pool). */
  connections?: number;
  connectTimeoutMs?: number;
  /** Longest wait for the status line and headers once the request is sent. */
  headersTimeoutMs?: number;
  /** Longest silence between two chunks of a response body. */
  bodyTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
}

export const DEFAULT_TRANSPORT_OPTIONS: Required<IqmetrixTransportOptions> = {
  connections: 16,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  keepAliveTimeoutMs: 10_000,
};

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface TransportRequest {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export type TransportResponse = Dispatcher.ResponseData;

/**
 * The one undici Agent every iQmetrix call goes through: bounded keep-alive pools, explicit
 * timeouts, and one log line per call with method, host, path template, status and latency.
 * Headers and bodies are never logged: they carry tokens, passwords and customers' data.
 */
export class IqmetrixTransport {
  private readonly logger = new Logger(IqmetrixTransport.name);
  private readonly agent: Agent;

  constructor(
    options: IqmetrixTransportOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    const settings = { ...DEFAULT_TRANSPORT_OPTIONS, ...options };
    this.agent = new Agent({
      connections: settings.connections,
      connect: { timeout: settings.connectTimeoutMs },
      headersTimeout: settings.headersTimeoutMs,
      bodyTimeout: settings.bodyTimeoutMs,
      keepAliveTimeout: settings.keepAliveTimeoutMs,
    });
  }

  /**
   * Sends one request and resolves with the response whatever its status; the caller must consume
   * or destroy the body. Network failures and timeouts reject with IqmetrixUnavailableError.
   */
  async send(request: TransportRequest): Promise<TransportResponse> {
    const call = callContext(request.method, request.url);
    const startedAt = this.now();
    try {
      const response = await this.agent.request({
        origin: request.url.origin,
        path: request.url.pathname + request.url.search,
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      const fields = { msg: 'iQmetrix call', ...call, status: response.statusCode, latencyMs: this.now() - startedAt };
      if (response.statusCode < 400) this.logger.debug(fields);
      else this.logger.warn(fields);
      return response;
    } catch (error) {
      const failure = errorForTransportFailure(call, error);
      const reason = failure instanceof Error ? failure.message : String(failure);
      this.logger.warn({ msg: 'iQmetrix call failed', ...call, latencyMs: this.now() - startedAt, reason });
      throw failure;
    }
  }

  /** Closes every pooled connection; in-flight requests finish first. */
  async close(): Promise<void> {
    await this.agent.close();
  }
}
