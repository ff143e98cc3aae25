import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { contentTag } from "./feed-files.js";

export type FeedEncoding = "br" | "gzip";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Picks the response encoding from Accept-Encoding (RFC 9110 §12.5.3): brotli, then gzip, when the client
 * accepts them with a non-zero q-value (`*` counts for both); otherwise null (identity).
 */
export function negotiateEncoding(header: string | undefined): FeedEncoding | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const wildcard = accepted.get("*") ?? 0;
  for (const encoding of ["br", "gzip"] as const) {
    if ((accepted.get(encoding) ?? wildcard) > 0) return encoding;
  }
  return null;
}

interface Entry {
  key: string;
  bytes: Promise<Buffer>;
  size: number;
}

/**
 * Compressed copies of feed files, made once per file version and encoding and kept in memory (like
 * nginx's gzip_static, without files on disk): a feed of a hundred full-text entries is over a megabyte,
 * and compressing it on every request would cost more than serving it. Bounded by total bytes; the least
 * recently used copies go first.
 */
export class CompressedFeeds {
  readonly #maxBytes: number;
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }

  /**
   * The compressed bytes of `absolutePath` at version `etag`. Rejects when the file on disk is no longer
   * that version (the publisher replaced it meanwhile): the caller then serves the file uncompressed.
   */
  get(absolutePath: string, etag: string, encoding: FeedEncoding): Promise<Buffer> {
    const key = `${encoding} ${etag} ${absolutePath}`;
    const found = this.#entries.get(key);
    if (found) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found.bytes;
    }
    // A new version of the file: copies of older versions will never be asked for again.
    for (const [other, old] of this.#entries) {
      if (other.endsWith(` ${absolutePath}`) && other.startsWith(`${encoding} `)) {
        this.#entries.delete(other);
        this.#bytes -= old.size;
      }
    }
    const entry: Entry = { key, size: 0, bytes: this.#compress(absolutePath, etag, encoding) };
    this.#entries.set(key, entry);
    entry.bytes.then(
      (bytes) => {
        if (this.#entries.get(key) !== entry) return;
        entry.size = bytes.length;
        this.#bytes += bytes.length;
        this.#evict();
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return entry.bytes;
  }

  async #compress(absolutePath: string, etag: string, encoding: FeedEncoding): Promise<Buffer> {
    const raw = await readFile(absolutePath);
    if (contentTag(raw) !== etag) throw new Error(`serve: ${absolutePath} changed while being compressed`);
    // Quality 9 / level 9: close to the best ratio at a fraction of brotli 11's time, paid once per version.
    return encoding === "br"
      ? brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        })
      : gzipAsync(raw, { level: 9 });
  }

  #evict(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(key);
      this.#bytes -= entry.size;
    }
  }
}
