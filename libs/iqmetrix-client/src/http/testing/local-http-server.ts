import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the test server received it, body included. For tests only. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type RequestHandler = (request: RecordedRequest, response: ServerResponse) => void;

/**
 * A real node:http server on 127.0.0.1, port 0, that records every request and answers through a
 * replaceable handler. Used by the unit tests instead of mocking undici.
 */
export class LocalHttpServer {
  readonly requests: RecordedRequest[] = [];
  private handler: RequestHandler = (_request, response) => response.writeHead(404).end();

  private constructor(private readonly server: Server) {}

  static async start(handler?: RequestHandler): Promise<LocalHttpServer> {
    const local: LocalHttpServer = new LocalHttpServer(createServer((req, res) => local.receive(req, res)));
    if (handler) local.handle(handler);
    await new Promise<void>((resolve) => local.server.listen(0, '127.0.0.1', resolve));
    return local;
  }

  /** A base URL on which nothing listens: connections are refused. */
  static async refusingUrl(): Promise<string> {
    const server = await LocalHttpServer.start();
    const url = server.url;
    await server.close();
    return url;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  handle(handler: RequestHandler): void {
    this.handler = handler;
  }

  requestsTo(pathPrefix: string): RecordedRequest[] {
    return this.requests.filter((request) => request.url.startsWith(pathPrefix));
  }

  /** Stops listening and drops open connections, including requests left hanging on purpose. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(recorded);
      this.handler(recorded, res);
    });
  }
}

/** Answers with a JSON body. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
