import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Clock } from "../clock.js";

/** Media types of the published feed files, by extension (RFC 4287, RSS 2.0 practice, JSON Feed 1.1). */
export const FEED_MEDIA_TYPES: Record<string, string> = {
  ".atom": "application/atom+xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8",
  ".json": "application/feed+json; charset=utf-8",
};

/**
 * What a feed path may look like after percent-decoding: segments of letters, digits, `.`, `_`, `-` that do
 * not start with a dot (so no `..`, no hidden temp files of atomic writes), ending in a feed extension.
 * An allowlist, so encoded or double-encoded traversal can never name a file outside feedsDir.
 */
const FEED_PATH = /^(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)*[A-Za-z0-9][A-Za-z0-9._-]*\.(?:atom|rss|json)$/;

/** Decodes and checks the part of the URL after `/feeds/`; null when it cannot name a feed file. */
export function feedRelativePath(encoded: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return FEED_PATH.test(decoded) ? decoded : null;
}

export interface FeedFileInfo {
  absolutePath: string;
  mediaType: string;
  /** Strong validator: a hash of the bytes, so two files with equal content share it, and only they do. */
  etag: string;
  lastModified: Date;
  size: number;
}

interface CachedFile {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  etag: string;
  info: FeedFileInfo;
  /** Clock time (ms) of the stat this entry rests on. */
  checkedAt: number;
}

/**
 * Looks up feed files and their strong ETags. The hash is computed once per file version (inode, size and
 * nanosecond mtime: the publisher replaces files by rename, so a new version is a new inode). A stat is
 * trusted for `statTtlMs` (one second by default): at feed-reader rates the stat was the largest cost of
 * a 304, and feeds are published minutes apart and served with max-age=60 anyway.
 */
export class FeedFiles {
  readonly #root: string;
  readonly #clock: Clock;
  readonly #statTtlMs: number;
  readonly #files = new Map<string, CachedFile>();

  constructor(feedsDir: string, clock: Clock, statTtlMs = 1000) {
    this.#root = path.resolve(feedsDir);
    this.#clock = clock;
    this.#statTtlMs = statTtlMs;
  }

  /** The file for a checked relative path, or null when there is no such regular file. */
  async lookup(relative: string): Promise<FeedFileInfo | null> {
    const absolutePath = path.join(this.#root, relative);
    // The allowlist already excludes `..`; this keeps the promise even if the pattern is ever loosened.
    if (!absolutePath.startsWith(this.#root + path.sep)) return null;
    const mediaType = FEED_MEDIA_TYPES[path.extname(absolutePath)];
    if (!mediaType) return null;
    const now = this.#clock.now().getTime();
    const cached = this.#files.get(absolutePath);
    if (cached && now - cached.checkedAt < this.#statTtlMs && now >= cached.checkedAt) return cached.info;
    let stats: Awaited<ReturnType<typeof statBig>>;
    try {
      stats = await statBig(absolutePath);
    } catch {
      this.#files.delete(absolutePath);
      return null;
    }
    if (!stats.isFile()) return null;
    const same =
      cached && cached.ino === stats.ino && cached.size === stats.size && cached.mtimeNs === stats.mtimeNs;
    const etag = same ? cached.etag : contentTag(await readFile(absolutePath));
    const info: FeedFileInfo = {
      absolutePath,
      mediaType,
      etag,
      lastModified: new Date(Number(stats.mtimeMs)),
      size: Number(stats.size),
    };
    this.#files.set(absolutePath, {
      ino: stats.ino,
      size: stats.size,
      mtimeNs: stats.mtimeNs,
      etag,
      info,
      checkedAt: now,
    });
    return info;
  }
}

/** The strong ETag of a file's bytes: 160 bits of SHA-256, base64url, quoted. */
export function contentTag(bytes: Buffer): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
}

/** The ETag of one encoding of a file version: each representation needs its own strong validator. */
export function encodedTag(etag: string, encoding: "br" | "gzip" | null): string {
  return encoding === null ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

function statBig(file: string) {
  return stat(file, { bigint: true });
}

/**
 * RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since; If-None-Match uses the weak comparison
 * (`W/"x"` matches `"x"`); If-Modified-Since compares whole seconds, as HTTP dates have no fraction.
 */
export function isNotModified(
  headers: { "if-none-match"?: string | undefined; "if-modified-since"?: string | undefined },
  file: Pick<FeedFileInfo, "etag" | "lastModified">,
): boolean {
  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === "*") return true;
    // Any encoding of the same version is "not modified": the suffix names the encoding, not the content.
    return ifNoneMatch.split(",").some(
      (candidate) =>
        candidate
          .trim()
          .replace(/^W\//, "")
          .replace(/-(?:br|gzip)"$/, '"') === file.etag,
    );
  }
  const ifModifiedSince = headers["if-modified-since"];
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    if (Number.isNaN(since)) return false;
    return Math.floor(file.lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}
