import { pipeline, type Readable, type Transform } from "node:stream";
import { constants, createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

/**
 * Undoes a response's Content-Encoding (RFC 9110 §8.4): gzip, deflate and br, in the reverse of the order
 * they were applied, into one readable of the body as the server meant it. The request API revfeed uses
 * (undici.request) leaves this to the caller, unlike fetch; zlib does the work. A coding we cannot undo is
 * reported by name rather than handed on as text.
 */

// As browsers (and fetch) do: a body cut short after the last complete block is read, not refused.
const LENIENT = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };

const DECODERS: Record<string, () => Transform> = {
  gzip: () => createGunzip(LENIENT),
  "x-gzip": () => createGunzip(LENIENT),
  deflate: () => createInflate(LENIENT),
  br: () =>
    createBrotliDecompress({
      flush: constants.BROTLI_OPERATION_FLUSH,
      finishFlush: constants.BROTLI_OPERATION_FLUSH,
    }),
};

export type Decoded = { ok: true; body: Readable } | { ok: false; coding: string };

export function decodeContent(body: Readable, contentEncoding: string | null): Decoded {
  const codings = (contentEncoding ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity")
    .reverse();
  if (codings.length === 0) return { ok: true, body };
  const decoders: Transform[] = [];
  for (const coding of codings) {
    const make = DECODERS[coding];
    if (!make) return { ok: false, coding };
    decoders.push(make());
  }
  // pipeline destroys every stage when one fails; the error reaches whoever reads the last one.
  const last = pipeline([body, ...decoders], () => {}) as unknown as Readable;
  return { ok: true, body: last };
}
