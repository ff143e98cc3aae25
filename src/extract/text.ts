/**
 * Plain-text normalization shared by extraction (paragraph text), hashing and marker detection.
 * Pages differ from fetch to fetch in invisible ways (NBSP vs space, soft hyphens, zero-width joiners,
 * CRLF): none of that is a change of the story, so it is folded away here once.
 */

// Unicode space separators (NBSP, thin, figure, ideographic …) and tab/line breaks become one space.
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
// Soft hyphen, zero-width space/joiners, word joiner, BOM, Mongolian vowel separator.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;

export function normalizeText(s: string): string {
  return s.normalize("NFC").replace(INVISIBLE, "").replace(SPACES, " ").trim();
}
