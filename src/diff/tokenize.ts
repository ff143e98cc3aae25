/**
 * Unicode-aware tokens for word diffs. jsdiff's `diffWords` treats every Cyrillic letter as its own word, and
 * `Intl.Segmenter` is correct but about 2,000 times slower (see shared stack notes), so this is one regular
 * expression whose tokens, joined, give back the input exactly:
 *
 * - a word: a run of letters, digits and combining marks of any script (ZWJ/ZWNJ inside a word stay with it);
 *   digits joined by `.`, `,` or `:` stay one number ("4,5", "24.10.2025", "14:35"), so "4,5%" vs "5%" changes
 *   the whole number, not one digit;
 * - an emoji: a pictograph with its modifiers, variation selectors and ZWJ-joined followers, or a flag (a pair
 *   of regional indicators);
 * - a run of white space;
 * - any other single character (punctuation, symbols).
 *
 * Every token also swallows the grapheme extenders that follow it (combining marks, ZWJ/ZWNJ, variation
 * selectors, skin tones, tag characters), and Prepend characters glue to what follows, so a token boundary is
 * always a grapheme boundary: a diff never splits "é" written as e + U+0301, or 👩‍👩‍👧.
 */

const EXT_NO_ZWJ = "\\p{M}\\u200C\\uFE0E\\uFE0F\\u{1F3FB}-\\u{1F3FF}\\u{E0020}-\\u{E007F}";
const EXT = `[${EXT_NO_ZWJ}\\u200D]`;
const PREPEND = "[\\u0600-\\u0605\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u{110BD}\\u{110CD}]";
const WORD_CHAR = "[\\p{L}\\p{N}\\p{M}\\u200C\\u200D]";
const WORD = `${WORD_CHAR}+(?:(?<=\\p{N})[.,:](?=\\p{N})${WORD_CHAR}+)*`;
const PICTO = `\\p{Extended_Pictographic}[${EXT_NO_ZWJ}]*`;
const EMOJI = `\\p{Regional_Indicator}{1,2}${EXT}*|${PICTO}(?:\\u200D${PICTO})*${EXT}*`;
const SPACE = `\\s+${EXT}*`;
const OTHER = `[\\s\\S]${EXT}*`;

const TOKEN = new RegExp(`${PREPEND}*(?:${WORD}|${EMOJI}|${SPACE}|${OTHER})`, "gu");
const WORD_START = /^[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}]*[\p{L}\p{N}\p{M}]/u;
const SPACE_ONLY = /^\s+$/u;

/** Splits text into tokens; `tokenize(s).join("") === s` for every string. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A word token: letters, digits or marks (counted in word statistics). */
export function isWordToken(token: string): boolean {
  return WORD_START.test(token);
}

/** A token made only of white space (spaces, NBSP, thin spaces, line breaks). */
export function isSpaceToken(token: string): boolean {
  return SPACE_ONLY.test(token);
}

/** Number of word tokens in a text. */
export function countWords(text: string): number {
  let n = 0;
  for (const t of tokenize(text)) if (isWordToken(t)) n++;
  return n;
}
