import { PassThrough, Readable } from 'node:stream';

/** How much of an error answer is kept: enough to report iQmetrix's reason, bounded for logs and rows. */
export const MAX_ERROR_BODY_BYTES = 2048;

/**
 * Reads at most `maxBytes` of a body as UTF-8 and discards the rest, so a huge error page cannot
 * fill memory. Errors while reading yield what was read so far: the status already tells the story.
 */
export async function readLimited(body: Readable, maxBytes = MAX_ERROR_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      chunks.push(buffer.subarray(0, maxBytes - size));
      size += Math.min(buffer.length, maxBytes - size);
      if (size >= maxBytes) break;
    }
  } catch {
    // keep the part that arrived
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `body` re-emitted through a stream whose errors (body timeout, reset mid-body) are already
 * classified by `classify`, so a streaming consumer sees the same typed errors as everyone else.
 * Destroying the returned stream releases the connection.
 */
export function classifiedStream(body: Readable, classify: (error: unknown) => unknown): Readable {
  const output = new PassThrough();
  body.on('error', (error) => output.destroy(asError(classify(error))));
  output.on('close', () => body.destroy());
  body.pipe(output);
  return output;
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
