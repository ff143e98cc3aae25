/**
 * Reads a response body (already decoded from its Content-Encoding) up to `maxBytes`, destroying the stream
 * as soon as it goes past: a gzip bomb or an endless body costs at most `maxBytes` plus one chunk of memory.
 * Network and decompression errors while reading are thrown for failure.ts to classify.
 */
import type { Readable } from "node:stream";

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
  if (chunks.length === 1) return { ok: true, bytes: chunks[0] as Buffer };
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}
