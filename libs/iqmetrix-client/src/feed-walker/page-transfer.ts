import type { IqmetrixHttp } from '../http/iqmetrix-http';
import type { ResponseHeaders } from '../http/rate-limit';
import { FeedPageInterruptedError } from './feed-walker.errors';

const ATOM_TYPE = 'application/atom+xml';

/** The bytes of one feed page as they arrive, and how many arrived once it is done. */
export interface PageTransfer {
  chunks: AsyncGenerator<Buffer>;
  receivedBytes(): number;
}

/**
 * GETs a feed page as a stream. Any failure after the headers (a reset, a body timeout, a stream
 * that ends short of Content-Length) is thrown from `chunks` as FeedPageInterruptedError, so that a
 * parser reading them never mistakes a cut-off transfer for a malformed page. Leaving the loop early
 * releases the connection.
 */
export async function openPage(http: IqmetrixHttp, url: string): Promise<PageTransfer> {
  const response = await http.request({ method: 'GET', path: url, accept: ATOM_TYPE, expectStream: true });
  const expected = contentLength(response.headers);
  let received = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    const iterator = response.body[Symbol.asyncIterator]();
    try {
      for (;;) {
        let next: IteratorResult<unknown>;
        try {
          next = await iterator.next();
        } catch (error) {
          throw FeedPageInterruptedError.fromTransportError(url, received, error);
        }
        if (next.done) break;
        const chunk = toBuffer(next.value);
        received += chunk.length;
        yield chunk;
      }
    } finally {
      response.body.destroy();
    }
    if (expected !== undefined && received < expected) {
      throw new FeedPageInterruptedError(url, received, `the body ended before its Content-Length of ${expected} bytes`);
    }
  }
  return { chunks: chunks(), receivedBytes: () => received };
}

function contentLength(headers: ResponseHeaders): number | undefined {
  const raw = headers['content-length'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), 'utf8');
}
