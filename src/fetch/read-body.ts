/**
 * Reads a response body (already decoded from its Content-Encoding) up to `maxBytes`, destroying the stream
 * as soon as it goes past: a gzip bomb or an endless body costs at most `maxBytes` plus one chunk of memory.
 * Network and decompression errors while reading are thrown for failure.ts to classify.
 */
import type { Readable } from "node:stream";

/** `bytes`: a copy of the body, never a view into the socket's read buffers. */
export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; readBytes: number };

export async function readCapped(body: Readable, maxBytes: number): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      // Leaving the loop early destroys the stream: the decompressor and the socket are torn down.
      return { ok: false, readBytes: total };
    }
    chunks.push(chunk);
  }
  // Always a copy, even of a single chunk: chunks are views into the socket's read buffers, and the body
  // may be handed to an analysis thread buffer and all (page-pool.ts).
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}
