import { createHash } from "node:crypto";

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

/** The strong ETag of a file's bytes: 160 bits of SHA-256, base64url, quoted. */
export function contentTag(bytes: Buffer): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
}

/** The ETag of one encoding of a file version: each representation needs its own strong validator. */
export function encodedTag(etag: string, encoding: "br" | "gzip" | null): string {
  return encoding === null ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

/**
 * RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since; If-None-Match uses the weak comparison
 * (`W/"x"` matches `"x"`); If-Modified-Since compares whole seconds, as HTTP dates have no fraction.
 */
export function isNotModified(
  headers: { "if-none-match"?: string | undefined; "if-modified-since"?: string | undefined },
  file: { etag: string; lastModified: Date },
): boolean {
  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch === file.etag) return true;
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
