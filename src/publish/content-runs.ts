import type { FeedEntry } from "./document.js";

/**
 * An entry's content as the byte runs a format writes for it, one run per part (FeedEntry.contentParts).
 * A long part shows in several entries (a story's current-state entry and its latest revision's entry
 * hold the same text and diff), so within a publish its bytes are made once and the same Buffer goes into
 * each of those entries' runs, shared for as long as the feeds keep the entries rendered.
 *
 * Encoding part by part gives the bytes that encoding the whole gives, since both encodings (CDATA content,
 * a JSON string) go character by character, except where a part boundary splits CR LF (line endings are
 * normalized), `]]>` (escaped in CDATA) or a surrogate pair: content with such a boundary is encoded whole.
 */

/** Encoded parts by part, per encoding, for the publish under way (see forgetSharedParts). */
const shared = new Map<string, Map<string, Buffer>>();
let sharedChars = 0;
/** A caller that renders without publishAll never clears: bounded all the same. */
const MAX_SHARED_CHARS = 16_000_000;

export function contentRuns(entry: FeedEntry, encoding: string, encode: (text: string) => Buffer): Buffer[] {
  const parts = entry.contentParts;
  if (!parts || parts.length < 2 || !partsSplitCleanly(parts)) return [encode(entry.contentHtml)];
  let byPart = shared.get(encoding);
  if (!byPart) {
    byPart = new Map();
    shared.set(encoding, byPart);
  }
  return parts.map((part) => {
    let bytes = byPart.get(part);
    if (bytes === undefined) {
      if (sharedChars > MAX_SHARED_CHARS) forgetSharedParts();
      bytes = encode(part);
      byPart.set(part, bytes);
      sharedChars += part.length;
    }
    return bytes;
  });
}

/** Whether no boundary between parts splits CR LF, `]]>` or a surrogate pair (see above). */
function partsSplitCleanly(parts: readonly string[]): boolean {
  for (let i = 0; i < parts.length - 1; i++) {
    const last = (parts[i] as string).charCodeAt((parts[i] as string).length - 1);
    if (last === 0x0d || last === 0x5d || (last >= 0xd800 && last <= 0xdbff)) return false;
  }
  return true;
}

/** Lets go of the encoded parts: the entries that show them keep their own references. */
export function forgetSharedParts(): void {
  for (const byPart of shared.values()) byPart.clear();
  sharedChars = 0;
}
