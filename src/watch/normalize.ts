import { createHash } from "node:crypto";
import { normalizeText } from "../extract/text.js";

/** Re-exported here because hashing and marker detection are where callers look for it. */
export { normalizeText };

/**
 * Hash of a revision's text: normalized title and normalized non-empty paragraphs, so that whitespace,
 * NBSP or soft-hyphen differences hash equal while any visible change of words does not.
 * The separators (U+001E between title and body, U+001F between paragraphs) never occur in normalized text,
 * so moving a paragraph break changes the hash.
 */
export function contentHash(title: string, paragraphs: readonly string[]): string {
  const body = paragraphs
    .map(normalizeText)
    .filter((p) => p !== "")
    .join("\u001F");
  return createHash("sha256")
    .update(`${normalizeText(title)}\u001E${body}`)
    .digest("hex");
}
