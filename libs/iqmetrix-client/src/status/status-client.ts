import { describeError } from '@dropship/platform';
import type { TokenManager } from '../auth/token-manager';
import type { IqmetrixHttp } from '../http/iqmetrix-http';
import type { ItemStatusUpdateBody, OrderStatusUpdateBody } from './status-bodies';
import { itemStatusWireBody, orderStatusWireBody } from './wire-body';

/** What iQmetrix answered to a status PUT: any 2xx (202 is documented), with its JSON echo if any. */
export interface StatusPutResult {
  status: number;
  body: unknown;
}

/** Outcome of the latest readiness check. */
export interface Reachability {
  ok: boolean;
  checkedAt: number;
  error?: { code: string; message: string };
}

const JSON_TYPE = 'application/json';

/**
 * The Dropship status endpoints (api-reference §4.2, §4.3). Errors are the HTTP core's typed errors,
 * plus IqmetrixInvalidStatusBodyError when a body would be wrong on the wire (nothing is sent then).
 */
export class StatusClient {
  private reachability?: Reachability;

  constructor(
    private readonly supplierId: string,
    private readonly http: IqmetrixHttp,
    private readonly tokens: TokenManager,
    private readonly now: () => number = Date.now,
  ) {}

  /** PUT …/Orders(orderId)/OrderStatusUpdate; `body.Id` must equal `orderId`. */
  async putOrderStatus(orderId: string, body: OrderStatusUpdateBody): Promise<StatusPutResult> {
    return this.put(orderId, 'OrderStatusUpdate', orderStatusWireBody(orderId, body));
  }

  /** PUT …/Orders(orderId)/ItemStatusUpdate (decision 7: never the item body on OrderStatusUpdate). */
  async putItemStatus(orderId: string, body: ItemStatusUpdateBody): Promise<StatusPutResult> {
    return this.put(orderId, 'ItemStatusUpdate', itemStatusWireBody(orderId, body));
  }

  /**
   * Readiness probe. iQmetrix documents no ping for the Dropship host, and a feed GET or a PUT
   * would cost a rate-limited call or change state, so "reachable" means: the token manager holds,
   * or can obtain from the accounts service, a valid token. Rejects when it cannot.
   */
  async checkReachable(): Promise<void> {
    try {
      await this.tokens.getToken();
      this.reachability = { ok: true, checkedAt: this.now() };
    } catch (error) {
      this.reachability = { ok: false, checkedAt: this.now(), error: describeError(error) };
      throw error;
    }
  }

  /** Same as checkReachable; the name readiness code tends to look for. */
  ping(): Promise<void> {
    return this.checkReachable();
  }

  /** The outcome of the latest checkReachable, undefined before the first. */
  lastReachability(): Reachability | undefined {
    return this.reachability;
  }

  private async put(orderId: string, endpoint: string, wireBody: object): Promise<StatusPutResult> {
    const supplier = encodeURIComponent(this.supplierId);
    const order = encodeURIComponent(orderId);
    const response = await this.http.request({
      method: 'PUT',
      path: `/v1/Suppliers(${supplier})/Orders(${order})/${endpoint}`,
      body: wireBody,
      accept: JSON_TYPE,
    });
    return { status: response.status, body: parseEcho(response.body) };
  }
}

function parseEcho(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
