import type { BigIntStats } from "node:fs";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Clock } from "../clock.js";
import type { FeedEncoding } from "./feed-encodings.js";
import { contentTag, encodedTag, FEED_MEDIA_TYPES } from "./feed-files.js";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Headers every feed response carries, 200 or 304: readers cache for a minute, any origin may fetch. */
const SHARED_HEADERS = {
  "cache-control": "public, max-age=60",
  "access-control-allow-origin": "*",
  "cross-origin-resource-policy": "cross-origin",
  vary: "accept-encoding",
} as const;

type Headers = Record<string, string | number>;

/** One representation of a feed version: the body to send and the headers of its 200. */
export interface FeedBody {
  body: Buffer;
  headers: Headers;
}

const ENCODINGS = [null, "br", "gzip"] as const;

/**
 * One version of one feed file, read once: its bytes, strong ETag and Last-Modified, and its brotli and
 * gzip copies, each made on first demand and kept (like nginx's gzip_static, without files on disk).
 * Every header is built here once, so a request only picks a prepared object and a Buffer.
 */
export class FeedVersion {
  readonly etag: string;
  readonly lastModified: Date;
  readonly mediaType: string;
  readonly identity: FeedBody;
  readonly #notModified = new Map<FeedEncoding | null, Headers>();
  readonly #encoded = new Map<FeedEncoding, FeedBody | Promise<FeedBody>>();
  readonly #onGrow: (bytes: number) => void;

  readonly #baseHeaders: Readonly<Headers>;

  /**
   * `baseHeaders` go first in every prepared header set (the server's security headers), so a response
   * can be sent from these objects alone.
   */
  constructor(
    raw: Buffer,
    mtimeMs: number,
    mediaType: string,
    options: { baseHeaders?: Readonly<Headers>; onGrow?: (bytes: number) => void } = {},
  ) {
    this.#baseHeaders = options.baseHeaders ?? {};
    this.etag = contentTag(raw);
    this.lastModified = new Date(mtimeMs);
    this.mediaType = mediaType;
    this.#onGrow = options.onGrow ?? (() => {});
    const lastModified = this.lastModified.toUTCString();
    for (const encoding of ENCODINGS) {
      const etag = encodedTag(this.etag, encoding);
      this.#notModified.set(encoding, {
        ...this.#baseHeaders,
        ...SHARED_HEADERS,
        etag,
        "last-modified": lastModified,
      });
    }
    this.identity = this.#representation(raw, null);
  }

  /** The headers of a 304 for an encoding: known before any copy is made. */
  notModified(encoding: FeedEncoding | null): Headers {
    return this.#notModified.get(encoding) as Headers;
  }

  /** Bytes held for this version (raw plus the compressed copies made so far). */
  get size(): number {
    let bytes = this.identity.body.length;
    for (const body of this.#encoded.values()) {
      if (!(body instanceof Promise) && body !== this.identity) bytes += body.body.length;
    }
    return bytes;
  }

  /** The representation for an encoding: at once when already made, else a promise of it. */
  body(encoding: FeedEncoding | null): FeedBody | Promise<FeedBody> {
    if (encoding === null) return this.identity;
    const found = this.#encoded.get(encoding);
    if (found) return found;
    const made = this.#compress(encoding).then(
      (bytes) => {
        const body = this.#representation(bytes, encoding);
        this.#encoded.set(encoding, body);
        this.#onGrow(bytes.length);
        return body;
      },
      () => {
        // Cannot happen short of memory trouble; the plain bytes are always a correct answer.
        this.#encoded.set(encoding, this.identity);
        return this.identity;
      },
    );
    this.#encoded.set(encoding, made);
    return made;
  }

  #compress(encoding: FeedEncoding): Promise<Buffer> {
    const raw = this.identity.body;
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

  #representation(body: Buffer, encoding: FeedEncoding | null): FeedBody {
    const headers: Headers = {
      ...this.notModified(encoding),
      "content-type": this.mediaType,
      "content-length": body.length,
    };
    if (encoding !== null) headers["content-encoding"] = encoding;
    return { body, headers };
  }
}

interface Entry {
  version: FeedVersion;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  /** Clock time (ms) of the stat this entry rests on. */
  checkedAt: number;
}

/**
 * The feed files in memory, one FeedVersion per file. Feeds change only when the publisher replaces a file
 * (by rename: a new inode), so a file is stat-ed at most once per `statTtlMs` and read and hashed only when
 * its inode, size or nanosecond mtime changed. Between stats a request costs a Map lookup. Concurrent
 * requests for a file being checked share one check. Memory is bounded by `maxBytes`; the files checked
 * longest ago go first (a file in demand is re-checked, and so moved to the back, every second).
 */
export class FeedCache {
  readonly #root: string;
  readonly #clock: Clock;
  readonly #statTtlMs: number;
  readonly #maxBytes: number;
  readonly #baseHeaders: Readonly<Headers>;
  readonly #entries = new Map<string, Entry>();
  readonly #checking = new Map<string, Promise<FeedVersion | null>>();
  #bytes = 0;

  constructor(
    feedsDir: string,
    clock: Clock,
    options: { statTtlMs?: number; maxBytes?: number; baseHeaders?: Readonly<Headers> } = {},
  ) {
    this.#baseHeaders = options.baseHeaders ?? {};
    this.#root = path.resolve(feedsDir);
    this.#clock = clock;
    this.#statTtlMs = options.statTtlMs ?? 1000;
    this.#maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  }

  /** Bytes held (raw files and compressed copies). */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * The current version of a checked relative path (see feedRelativePath), or null when there is no such
   * regular file. Synchronous while the last stat is fresh, which is almost always.
   */
  lookup(relative: string): FeedVersion | null | Promise<FeedVersion | null> {
    const entry = this.#entries.get(relative);
    if (entry) {
      const age = this.#clock.now().getTime() - entry.checkedAt;
      if (age < this.#statTtlMs && age >= 0) return entry.version;
    }
    let checking = this.#checking.get(relative);
    if (!checking) {
      checking = this.#check(relative).finally(() => this.#checking.delete(relative));
      this.#checking.set(relative, checking);
    }
    return checking;
  }

  async #check(relative: string): Promise<FeedVersion | null> {
    const absolutePath = path.join(this.#root, relative);
    const mediaType = FEED_MEDIA_TYPES[path.extname(absolutePath)];
    // feedRelativePath's allowlist already excludes `..`; this keeps the promise if it is ever loosened.
    if (!mediaType || !absolutePath.startsWith(this.#root + path.sep)) return null;
    const now = this.#clock.now().getTime();
    const cached = this.#entries.get(relative);
    let stats: BigIntStats;
    try {
      stats = await stat(absolutePath, { bigint: true });
    } catch {
      this.#forget(relative);
      return null;
    }
    if (!stats.isFile()) {
      this.#forget(relative);
      return null;
    }
    if (cached && sameFile(cached, stats)) {
      cached.checkedAt = now;
      this.#touch(relative, cached);
      return cached.version;
    }
    // Read through one handle and take the version from its fstat: the bytes and the stat then describe the
    // same file even if the publisher renames a new one into place meanwhile.
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    let read: { bytes: Buffer; stats: BigIntStats };
    try {
      handle = await open(absolutePath, "r");
      const opened = await handle.stat({ bigint: true });
      read = { bytes: await handle.readFile(), stats: opened };
    } catch {
      this.#forget(relative);
      return null;
    } finally {
      await handle?.close();
    }
    this.#forget(relative);
    const version = new FeedVersion(read.bytes, Number(read.stats.mtimeMs), mediaType, {
      baseHeaders: this.#baseHeaders,
      onGrow: (grown) => {
        if (this.#entries.get(relative)?.version !== version) return;
        this.#bytes += grown;
        this.#evict();
      },
    });
    const entry: Entry = {
      version,
      ino: read.stats.ino,
      size: read.stats.size,
      mtimeNs: read.stats.mtimeNs,
      checkedAt: now,
    };
    this.#entries.set(relative, entry);
    this.#bytes += version.size;
    this.#evict();
    return version;
  }

  /** Moves an entry to the back of the eviction order. */
  #touch(relative: string, entry: Entry): void {
    this.#entries.delete(relative);
    this.#entries.set(relative, entry);
  }

  #forget(relative: string): void {
    const old = this.#entries.get(relative);
    if (!old) return;
    this.#entries.delete(relative);
    this.#bytes -= old.version.size;
  }

  #evict(): void {
    for (const relative of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes || this.#entries.size <= 1) break;
      this.#forget(relative);
    }
  }
}

function sameFile(entry: Entry, stats: BigIntStats): boolean {
  return entry.ino === stats.ino && entry.size === stats.size && entry.mtimeNs === stats.mtimeNs;
}
