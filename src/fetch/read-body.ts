/**
 * Reads a response body (already decompressed by fetch) up to `maxBytes`, cancelling the stream as soon as
 * it goes past: a gzip bomb or an endless body costs at most `maxBytes` plus one chunk of memory.
 * Network errors while reading are thrown for failure.ts to classify.
 */
import type { ReadableStream as WebReadableStream } from "node:stream/web";

export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; readBytes: number };

export async function readCapped(
  body: WebReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<BodyRead> {
  if (body === null) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Cancelling tears down the decompressor and the socket; the rejection, if any, is of no interest.
      reader.cancel().catch(() => {});
      return { ok: false, readBytes: total };
    }
    chunks.push(value);
  }
  if (chunks.length === 1) {
    const only = chunks[0] as Uint8Array;
    return { ok: true, bytes: Buffer.from(only.buffer, only.byteOffset, only.byteLength) };
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}
