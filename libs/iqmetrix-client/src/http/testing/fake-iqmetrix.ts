import type { ServerResponse } from 'node:http';
import type { IqmetrixSettings } from '@dropship/platform';
import { LocalHttpServer, RecordedRequest, sendJson } from './local-http-server';

export const TOKEN_PATH = '/v1/oauth2/token';
export const SUPPLIER_ID = '60455';
export const ORDER_ID = '91a57ddb-5ad0-4e2f-9a5e-1b3e3c2b8b1a';

/** Credentials distinctive enough that a leak into a log line is easy to spot. For tests only. */
export function testSettings(authUrl: string, dropshipUrl = authUrl): IqmetrixSettings {
  return {
    authUrl,
    dropshipUrl,
    clientId: 'client-id-visible',
    clientSecret: 'CLIENT-SECRET-x7Q2',
    username: 'supplier@example.test',
    password: 'PASSWORD-p9W4',
    supplierId: SUPPLIER_ID,
  };
}

/** The form fields of a token request. */
export function formOf(request: RecordedRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.body));
}

/**
 * A token endpoint that issues `access-N` / `refresh-N` for the Nth token it grants. Requests to
 * other paths go to `dropship`, which receives the number of the newest token issued.
 */
export class FakeIqmetrix {
  issued = 0;
  expiresInSeconds = 3600;
  /** Answers a token request instead of issuing a token when it returns true. */
  tokenOverride?: (request: RecordedRequest, response: ServerResponse) => boolean;
  dropship: (request: RecordedRequest, response: ServerResponse, newestToken: number) => void = (_q, response) =>
    sendJson(response, 200, {});

  private constructor(readonly server: LocalHttpServer) {}

  static async start(): Promise<FakeIqmetrix> {
    const server = await LocalHttpServer.start();
    const fake = new FakeIqmetrix(server);
    server.handle((request, response) => fake.route(request, response));
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  tokenRequests(): RecordedRequest[] {
    return this.server.requestsTo(TOKEN_PATH);
  }

  dropshipRequests(): RecordedRequest[] {
    return this.server.requests.filter((request) => !request.url.startsWith(TOKEN_PATH));
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private route(request: RecordedRequest, response: ServerResponse): void {
    if (!request.url.startsWith(TOKEN_PATH)) return this.dropship(request, response, this.issued);
    if (this.tokenOverride?.(request, response)) return;
    this.issued += 1;
    sendJson(response, 200, {
      access_token: `access-${this.issued}`,
      refresh_token: `refresh-${this.issued}`,
      expires_in: this.expiresInSeconds,
    });
  }
}
