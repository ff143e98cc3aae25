/**
 * Plain-text normalization shared by extraction (paragraph text), hashing and marker detection.
 * Pages differ from fetch to fetch in invisible ways (NBSP vs space, soft hyphens, zero-width joiners,
 * CRLF): none of that is a change of the story, so it is folded away here once.
 */

// Unicode space separators (NBSP, thin, figure, ideographic …) and tab/line breaks become one space.
const SPACE_CLASS = "\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
// Soft hyphen, zero-width space/joiners, word joiner, BOM, Mongolian vowel separator.
const INVISIBLE_CLASS = "\\u00AD\\u180E\\u200B-\\u200D\\u2060\\uFEFF";
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, "g");
// Only what changes: a run of two or more spaces, or a single space character that is not U+0020
// (replacing a lone " " by " " is a no-op, and skipping it spares a new string per space).
const SPACES = new RegExp(`[${SPACE_CLASS}]{2,}|(?! )[${SPACE_CLASS}]`, "g");
/** Anything but space and invisible characters: a text whose normalization is not empty. */
const VISIBLE = new RegExp(`[^${SPACE_CLASS}${INVISIBLE_CLASS}]`);

/**
 * Characters that normalization never changes, alone or next to each other: printable ASCII, Latin-1 and
 * Latin Extended letters, IPA and modifier letters, Cyrillic without its combining marks, general
 * punctuation without the invisible and space characters. Each is NFC-stable and never composes with the
 * character before it (test/extract/text.test.ts checks every one, which is why this is exported). Almost all paragraph text on the sites
 * revfeed reads is made of these, so most strings skip the NFC pass and both regular expressions.
 */
export const SAFE_CLASS =
  "\\x21-\\x7E\\u00A1-\\u00AC\\u00AE-\\u02FF\\u0400-\\u0482\\u048A-\\u052F\\u2010-\\u2027\\u2030-\\u205E";
/** A string that normalizeText would change: an unsafe character, or a space doubled or at either end. */
const NEEDS_WORK = new RegExp(`[^ ${SAFE_CLASS}]|^ | $| {2}`);

/** True when normalizeText(s) === s is known without normalizing: only safe characters, single spaces. */
export function isPlainNormalized(s: string): boolean {
  return !NEEDS_WORK.test(s);
}

export function normalizeText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.normalize("NFC").replace(INVISIBLE, "").replace(SPACES, " ").trim();
}

/**
 * True when normalizeText(s) would be "": NFC never turns a visible character into a space or an
 * invisible one, so this only looks for the first visible character (usually the first one).
 */
export function isBlankText(s: string): boolean {
  return !VISIBLE.test(s);
}
