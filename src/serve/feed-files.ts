import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

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

interface CachedTag {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  etag: string;
}

/**
 * Looks up feed files and their strong ETags. The hash is computed once per file version (inode, size and
 * nanosecond mtime: the publisher replaces files by rename, so a new version is a new inode) and cached.
 */
export class FeedFiles {
  readonly #root: string;
  readonly #tags = new Map<string, CachedTag>();

  constructor(feedsDir: string) {
    this.#root = path.resolve(feedsDir);
  }

  /** The file for a checked relative path, or null when there is no such regular file. */
  async lookup(relative: string): Promise<FeedFileInfo | null> {
    const absolutePath = path.join(this.#root, relative);
    // The allowlist already excludes `..`; this keeps the promise even if the pattern is ever loosened.
    if (!absolutePath.startsWith(this.#root + path.sep)) return null;
    const mediaType = FEED_MEDIA_TYPES[path.extname(absolutePath)];
    if (!mediaType) return null;
    let info: Awaited<ReturnType<typeof statBig>>;
    try {
      info = await statBig(absolutePath);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    let cached = this.#tags.get(absolutePath);
    if (!cached || cached.ino !== info.ino || cached.size !== info.size || cached.mtimeNs !== info.mtimeNs) {
      const bytes = await readFile(absolutePath);
      const digest = createHash("sha256").update(bytes).digest("base64url").slice(0, 27);
      cached = { ino: info.ino, size: info.size, mtimeNs: info.mtimeNs, etag: `"${digest}"` };
      this.#tags.set(absolutePath, cached);
    }
    return {
      absolutePath,
      mediaType,
      etag: cached.etag,
      lastModified: new Date(Number(info.mtimeMs)),
      size: Number(info.size),
    };
  }
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
    return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === file.etag);
  }
  const ifModifiedSince = headers["if-modified-since"];
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    if (Number.isNaN(since)) return false;
    return Math.floor(file.lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}
