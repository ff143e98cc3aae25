/**
 * Text normalisation for tagging. Two strings of equal length come out:
 * - `cased`: NFC (NFKC for Arabic presentation forms), soft hyphens, zero-width characters and the
 *   Arabic tatweel removed, NBSP as space, one apostrophe and
 *   one hyphen, Latin/Cyrillic look-alikes inside mixed-script words mapped to the word's script.
 *   Case-sensitive patterns (abbreviations) match here.
 * - `folded`: `cased` lower-cased per language, with the dotted/dotless i distinction dropped.
 *   Case-insensitive patterns (names) match here.
 * `toOriginal(i)` maps an index of either string back into the caller's text, so evidence spans
 * point into what the caller passed.
 */

import {
  buildFoldTables,
  type FoldTables,
  foldPass,
  HAS_CONTEXTUAL,
  HAS_IRREGULAR,
  HAS_MIXED_SCRIPT,
  HAS_SUBSTITUTE,
} from "./fold-table.js";

export interface NormalizedText {
  cased: string;
  folded: string;
  toOriginal(index: number): number;
}

/**
 * Removed: soft hyphen (U+00AD), combining dot above (U+0307), zero-width spaces and joiners, BOM, and
 * the Arabic tatweel (U+0640), which only stretches a word and would otherwise split its letters.
 */
const REMOVED_ALL = /\u0307|[\u00AD\u0640\u200B-\u200D\u2060\uFEFF]/g;
/** Arabic presentation forms: NFKC turns them into the letters patterns are written with. */
const PRESENTATION = "\uFB50-\uFDFF\uFE70-\uFEFC";
const PRESENTATION_FORM = new RegExp(`[${PRESENTATION}]`);

/** One-to-one substitutions that keep lengths: spaces, apostrophes, hyphens. */
const SUBSTITUTE: Record<string, string> = {
  "\u00A0": " ",
  "\u2007": " ",
  "\u202F": " ",
  "\u2019": "'",
  "\u2018": "'",
  "\u02BC": "'",
  "\u02BB": "'",
  "\u0060": "'",
  "\u00B4": "'",
  "\u2032": "'",
  "\u2010": "-",
  "\u2011": "-",
};
const SUBSTITUTED = /[\u00A0\u2007\u202F\u2019\u2018\u02BC\u02BB\u0060\u00B4\u2032\u2010\u2011]/g;

/** Latin letter -> Cyrillic twin, and back. */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  I: "І",
  J: "Ј",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
  Ə: "Ә",
  a: "а",
  c: "с",
  e: "е",
  h: "һ",
  i: "і",
  j: "ј",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  ə: "ә",
};
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);
// Explicit ranges: the \p{sc=…} form is several times slower over a long text.
const LATIN_RANGE = "A-Za-z\u00C0-\u024F\u0259\u1E00-\u1EFF";
const CYRILLIC_RANGE = "\u0400-\u052F";
const MIXED_SCRIPT_SEAM = new RegExp(
  `[${LATIN_RANGE}][${CYRILLIC_RANGE}]|[${CYRILLIC_RANGE}][${LATIN_RANGE}]`,
);
const LATIN = /\p{sc=Latin}/u;
const CYRILLIC = /\p{sc=Cyrillic}/u;
const WORD_CHAR = /[\p{L}\p{M}]/u;

const TURKIC_I_LANGS = new Set(["tr", "az", "crh", "gag", "tt", "ba"]);

function baseLanguage(lang: string | undefined): string {
  return (lang ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
}

/**
 * Lower-cases `text` without changing its length. Turkish and Azerbaijani map `I` to `ı`; every
 * language maps `İ` to `i` (plain toLowerCase would give `i` + U+0307).
 */
export function foldCase(text: string, lang?: string): string {
  const turkic = TURKIC_I_LANGS.has(baseLanguage(lang));
  const prepared = turkic ? text.replace(/I/g, "ı").replace(/İ/g, "i") : text.replace(/İ/g, "i");
  const lowered = prepared.toLowerCase();
  if (lowered.length === text.length) return lowered;
  // Rare letters whose lower case has another length: fold one code point at a time, keep those as is.
  let out = "";
  for (const ch of prepared) {
    const low = ch.toLowerCase();
    out += low.length === ch.length ? low : ch;
  }
  return out;
}

let tables: FoldTables | null = null;

function foldTablesOnce(): FoldTables {
  tables ??= buildFoldTables({
    irregular: MAYBE_IRREGULAR,
    substitutes: SUBSTITUTE,
    latinRange: LATIN_RANGE,
    cyrillicRange: CYRILLIC_RANGE,
  });
  return tables;
}

/**
 * Lower-cases `text` without changing its length and drops the dotted/dotless i distinction, so
 * that a missing or wrong `lang` loses no match (the result is the same for every language).
 */
export function matchKey(text: string, lang?: string): string {
  const t = foldTablesOnce();
  const pass = foldPass(text, t.fold, t.kind);
  // Σ and letters beyond the BMP depend on their neighbours: left to the general code.
  if ((pass.flags & HAS_CONTEXTUAL) === 0) return pass.folded();
  return foldCase(text, lang).replace(/ı/g, "i");
}

/** Maps look-alike letters of a mixed-script word to the script the word really is in. */
function unifyWordScript(word: string): string {
  let latinOnly = 0;
  let cyrillicOnly = 0;
  let latin = 0;
  let cyrillic = 0;
  for (const ch of word) {
    if (LATIN.test(ch)) {
      latin++;
      if (!(ch in LATIN_TO_CYRILLIC)) latinOnly++;
    } else if (CYRILLIC.test(ch)) {
      cyrillic++;
      if (!(ch in CYRILLIC_TO_LATIN)) cyrillicOnly++;
    }
  }
  let toCyrillic: boolean;
  if (cyrillicOnly > 0 && latinOnly === 0) toCyrillic = true;
  else if (latinOnly > 0 && cyrillicOnly === 0) toCyrillic = false;
  else if (latinOnly > 0 && cyrillicOnly > 0) return word;
  else toCyrillic = cyrillic > latin;
  const table = toCyrillic ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  let out = "";
  for (const ch of word) out += table[ch] ?? ch;
  return out;
}

function unifyScripts(text: string): string {
  if (!MIXED_SCRIPT_SEAM.test(text)) return text;
  const seams = new RegExp(MIXED_SCRIPT_SEAM.source, "g");
  let out = "";
  let copied = 0;
  for (let m = seams.exec(text); m !== null; m = seams.exec(text)) {
    let start = m.index;
    while (start > 0 && WORD_CHAR.test(text[start - 1] ?? "")) start--;
    let end = m.index + m[0].length;
    while (end < text.length && WORD_CHAR.test(text[end] ?? "")) end++;
    if (start < copied) start = copied;
    const word = text.slice(start, end);
    const unified = unifyWordScript(word);
    // Both tables map one UTF-16 unit to one unit, so lengths never change.
    out += text.slice(copied, start) + unified;
    copied = end;
    seams.lastIndex = end;
  }
  return out + text.slice(copied);
}

function substitute(text: string): string {
  return text.replace(SUBSTITUTED, (ch) => SUBSTITUTE[ch] ?? ch);
}

/**
 * Removable characters, and letters followed by combining marks (which NFC may compose). Written
 * with explicit ranges and without the `u` flag: `\P{M}\p{M}+` costs milliseconds on a long text.
 */
const MARKS = "\u0300-\u036F\u0483-\u0489\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F";
const IRREGULAR = new RegExp(
  `[\u00AD\u0640\u200B-\u200D\u2060\uFEFF]|[${PRESENTATION}]|[^${MARKS}]?[${MARKS}]+`,
  "g",
);
/** A one-class test for the same characters: cheap enough to run on every text. */
const MAYBE_IRREGULAR = new RegExp(`[\u00AD\u0640\u200B-\u200D\u2060\uFEFF${PRESENTATION}${MARKS}]`);

/** Maps an index of the normalised text back to the original text. */
interface Breakpoint {
  /** Start of a stretch in the normalised text. */
  at: number;
  /** Where that stretch starts in the original text. */
  from: number;
  /** Copied unchanged (offsets advance together) or rewritten (every index maps to `from`). */
  copied: boolean;
}

/**
 * Slow path, for texts with removable characters or combining marks: rewrites only those spots and
 * records breakpoints so every index of the result maps back into the original.
 */
function normalizeWithMap(text: string): { base: string; toOriginal: (i: number) => number } {
  const parts: string[] = [];
  const points: Breakpoint[] = [];
  let length = 0;
  let copiedUpTo = 0;
  for (const m of text.matchAll(IRREGULAR)) {
    if (m.index > copiedUpTo) {
      points.push({ at: length, from: copiedUpTo, copied: true });
      parts.push(text.slice(copiedUpTo, m.index));
      length += m.index - copiedUpTo;
    }
    const form = PRESENTATION_FORM.test(m[0]) ? "NFKC" : "NFC";
    const rewritten = m[0].normalize(form).replace(REMOVED_ALL, "");
    if (rewritten.length > 0) {
      points.push({ at: length, from: m.index, copied: false });
      parts.push(rewritten);
      length += rewritten.length;
    }
    copiedUpTo = m.index + m[0].length;
  }
  points.push({ at: length, from: copiedUpTo, copied: true });
  parts.push(text.slice(copiedUpTo));
  const toOriginal = (i: number): number => {
    let lo = 0;
    let hi = points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((points[mid]?.at ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    const p = points[lo] as Breakpoint;
    return p.copied ? Math.min(text.length, p.from + (i - p.at)) : p.from;
  };
  return { base: parts.join(""), toOriginal };
}

const identity = (i: number): number => i;

/** Anything but printable ASCII, tabs and line breaks; or a backtick (an apostrophe variant). */
const NOT_PLAIN_ASCII = /[^\t\n\r -_a-~]/;

export function normalizeForTagging(text: string, lang?: string): NormalizedText {
  // Plain ASCII has nothing to rewrite, and toLowerCase folds it (I -> i) at memory speed.
  if (!NOT_PLAIN_ASCII.test(text)) return { cased: text, folded: text.toLowerCase(), toOriginal: identity };
  const t = foldTablesOnce();
  const pass = foldPass(text, t.foldSubstituted, t.kind);
  if ((pass.flags & (HAS_IRREGULAR | HAS_MIXED_SCRIPT | HAS_CONTEXTUAL)) === 0) {
    // The common case: one pass found nothing to rewrite but substitutions, and folded the text.
    const cased = (pass.flags & HAS_SUBSTITUTE) === 0 ? text : substitute(text);
    return { cased, folded: pass.folded(), toOriginal: identity };
  }
  return normalizeGenerally(text, lang, pass.flags);
}

/**
 * The general path, for text with removable characters, combining marks, mixed-script words or
 * letters that fold with their neighbours. `flags` (from a fold pass over `text`) saves a look for
 * removable characters. Exported so tests can check that the shortcuts above agree with it.
 */
export function normalizeGenerally(text: string, lang?: string, flags?: number): NormalizedText {
  const irregular = flags === undefined ? MAYBE_IRREGULAR.test(text) : (flags & HAS_IRREGULAR) !== 0;
  // Letters that NFC composes without a combining mark (such as U+212B, the angstrom sign) are left as they are.
  const slow = irregular ? normalizeWithMap(text) : null;
  const cased = unifyScripts(substitute(slow?.base ?? text));
  return { cased, folded: matchKey(cased, lang), toOriginal: slow?.toOriginal ?? identity };
}
