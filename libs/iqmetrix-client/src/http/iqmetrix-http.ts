import type { Readable } from 'node:stream';
import type { TokenManager } from '../auth/token-manager';
import { callContext } from './call-context';
import { errorForResponse, errorForTransportFailure } from './classify';
import { CallContext, IqmetrixUnauthorizedError } from './iqmetrix.errors';
import type { HttpMethod, IqmetrixTransport, TransportResponse } from './iqmetrix-transport';
import { RateLimitSnapshot, readRateLimit, ResponseHeaders } from './rate-limit';
import { classifiedStream, readLimited } from './read-body';
import { resolveDropshipUrl } from './urls';

export interface IqmetrixRequest {
  method: HttpMethod;
  /** A path under the Dropship base URL (`/v1/Suppliers(…)/…`), or an absolute URL on its origin (feed links). */
  path: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  body?: unknown;
  /** The Accept header: `application/json` for status updates, `application/atom+xml` for the feed. */
  accept: string;
  /** Resolve with the body as a stream instead of text; the caller must consume or destroy it. */
  expectStream?: boolean;
}

export interface IqmetrixResponse<Body> {
  status: number;
  headers: ResponseHeaders;
  body: Body;
}

/**
 * Authenticated calls to the Dropship API. A 401 gets one new token and one retry; every other
 * failure is thrown as a typed error (IqmetrixUnavailableError, IqmetrixRateLimitedError,
 * IqmetrixRequestRejectedError, IqmetrixUnauthorizedError) without retrying: callers own backoff
 * (see `delayFor`).
 */
export class IqmetrixHttp {
  private lastRateLimit?: RateLimitSnapshot;

  constructor(
    private readonly dropshipUrl: string,
    private readonly tokens: TokenManager,
    private readonly transport: IqmetrixTransport,
    private readonly now: () => number = Date.now,
  ) {}

  request(request: IqmetrixRequest & { expectStream: true }): Promise<IqmetrixResponse<Readable>>;
  request(request: IqmetrixRequest & { expectStream?: false }): Promise<IqmetrixResponse<string>>;
  async request(request: IqmetrixRequest): Promise<IqmetrixResponse<Readable | string>> {
    const url = resolveDropshipUrl(this.dropshipUrl, request.path);
    const call = callContext(request.method, url);
    const response = await this.sendAuthorized(request, url, call);
    const { statusCode: status, headers } = response;
    if (status < 200 || status >= 300) {
      const bodyText = await readLimited(response.body);
      throw errorForResponse(call, { status, headers, bodyText }, this.now());
    }
    const classify = (error: unknown) => errorForTransportFailure(call, error);
    if (request.expectStream) return { status, headers, body: classifiedStream(response.body, classify) };
    try {
      return { status, headers, body: await response.body.text() };
    } catch (error) {
      throw classify(error);
    }
  }

  /** X-RateLimit-* from the latest Dropship response that carried them, for callers that pace themselves. */
  rateLimit(): RateLimitSnapshot | undefined {
    return this.lastRateLimit;
  }

  private async sendAuthorized(request: IqmetrixRequest, url: URL, call: CallContext): Promise<TransportResponse> {
    const token = await this.tokens.getToken();
    const first = await this.send(request, url, token);
    if (first.statusCode !== 401) return first;
    await discard(first);
    this.tokens.invalidate(token);
    const retried = await this.send(request, url, await this.tokens.getToken());
    if (retried.statusCode !== 401) return retried;
    await discard(retried);
    throw new IqmetrixUnauthorizedError(call);
  }

  private async send(request: IqmetrixRequest, url: URL, token: string): Promise<TransportResponse> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: request.accept };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const response = await this.transport.send({ method: request.method, url, headers, body });
    this.lastRateLimit = readRateLimit(response.headers, this.now()) ?? this.lastRateLimit;
    return response;
  }
}

async function discard(response: TransportResponse): Promise<void> {
  await response.body.dump().catch(() => undefined);
}
