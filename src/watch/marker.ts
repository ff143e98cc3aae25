import { isPlainNormalized, normalizeText } from "../extract/text.js";

/**
 * Developing-story markers ("Новость обновляется", "Xəbər yenilənir" …) are trailing service lines, and
 * several of the phrases are also ordinary words in running text ("Информация уточняется" inside a quote).
 * So a marker counts only when it is the whole of one of the last few blocks of the body (domain notes §2),
 * compared after folding case, apostrophes, brackets and trailing punctuation.
 */

export interface MarkerMatch {
  developing: boolean;
  /** Index of the marker block in the given paragraphs. */
  index: number | null;
  /** The configured phrase that matched, as configured. */
  phrase: string | null;
}

// Typographic and modifier apostrophes used for Uzbek oʻ/gʻ (U+02BB, U+2018, U+2019, U+02BC, backtick, prime).
const APOSTROPHES = /[\u02BB\u02BC\u2018\u2019\u0060\u00B4\u2032]/g;
const WRAPPERS_START = /^[\s([{«"“„'*•–—-]+/u;
const WRAPPERS_END = /[\s)\]}»"”'*.…!:;–—-]+$/u;

/**
 * Case-insensitive fold that works for Turkish and Azerbaijani too: `İ`/`I`/`ı`/`i` all fold to `i`
 * (plain toLowerCase turns `İ` into `i` + U+0307, and a Turkish-locale lower-case would turn English `I` into `ı`).
 */
export function foldMarkerText(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .normalize("NFD")
    .replace(/\u0307/g, "")
    .normalize("NFC")
    .replace(/ı/g, "i")
    .replace(APOSTROPHES, "'")
    .replace(WRAPPERS_START, "")
    .replace(WRAPPERS_END, "")
    .replace(/\s+/g, " ");
}

interface PhraseTable {
  /** Folded phrase -> phrase as configured, for all languages (a page's language is not always known). */
  byFolded: Map<string, string>;
  /** Length of the longest folded phrase: a block that folds to anything longer is not a marker. */
  longest: number;
}

// Folding every configured phrase cost more than the rest of a check; the configuration does not change
// while it is in use, so the table is built once per markers object.
const tables = new WeakMap<object, PhraseTable>();

function phraseTable(markers: Record<string, readonly string[]>): PhraseTable {
  const cached = tables.get(markers);
  if (cached) return cached;
  const byFolded = new Map<string, string>();
  for (const phrases of Object.values(markers)) {
    for (const phrase of phrases) {
      const folded = foldMarkerText(phrase);
      if (folded !== "" && !byFolded.has(folded)) byFolded.set(folded, phrase);
    }
  }
  const table = { byFolded, longest: Math.max(0, ...[...byFolded.keys()].map((k) => k.length)) };
  tables.set(markers, table);
  return table;
}

const EDGE_WRAPPERS =
  /^[\s([{«"“„'*•–—\u02BB\u02BC\u2018\u2019\u0060\u00B4\u2032-]+|[\s)\]}»"”'*.…!:;–—\u02BB\u02BC\u2018\u2019\u0060\u00B4\u2032-]+$/g;

/**
 * At least how long foldMarkerText(s) is, or 0 when that is not cheap to know. For text made of safe
 * characters with single spaces (most paragraphs), folding keeps at least one character for each one
 * (lower-casing and the NFD/NFC round trip never merge two of them) and drops only wrappers and
 * apostrophes at either end, so a long paragraph is known not to be a marker without folding it.
 */
function foldedLengthAtLeast(s: string): number {
  if (!isPlainNormalized(s)) return 0;
  return s.replace(EDGE_WRAPPERS, "").length;
}

/**
 * Looks for a marker in the last `lastBlocks` non-empty blocks. With the default of 2, a marker followed by
 * one leftover footer or ad block is still found; a marker further up is running text and does not count.
 */
export function detectMarker(
  paragraphTexts: readonly string[],
  markers: Record<string, readonly string[]>,
  lastBlocks = 2,
): MarkerMatch {
  const table = phraseTable(markers);
  let seen = 0;
  for (let i = paragraphTexts.length - 1; i >= 0 && seen < lastBlocks; i--) {
    const text = paragraphTexts[i] ?? "";
    if (foldedLengthAtLeast(text) > table.longest) {
      seen++;
      continue;
    }
    const folded = foldMarkerText(text);
    if (folded === "") continue;
    seen++;
    const phrase = table.byFolded.get(folded);
    if (phrase !== undefined) return { developing: true, index: i, phrase };
  }
  return { developing: false, index: null, phrase: null };
}
