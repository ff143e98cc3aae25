import { diffRevisions } from "../diff/diff.js";
import { countWords } from "../diff/tokenize.js";
import type { Change } from "../diff/types.js";
import type { ChangeSummary, RevisionText } from "./deps.js";

/**
 * Labels and word counts stored with a revision, from the diff against the revision before it, and that
 * diff itself (null for a first revision), which the caller may render for the feeds (feed-diffs.ts).
 */
export function summarizeChange(
  before: RevisionText | null,
  after: RevisionText,
  revertOf: number | null,
): ChangeSummary & { diff: Change | null } {
  if (!before) {
    const words = [after.title, ...after.paragraphs].reduce((n, p) => n + countWordsQuickly(p), 0);
    return { labels: ["new"], minor: false, wordsAdded: words, wordsRemoved: 0, diff: null };
  }
  const diff = diffRevisions(before, after, { revertOf });
  return {
    labels: diff.labels,
    minor: diff.minor,
    wordsAdded: diff.stats.wordsAdded,
    wordsRemoved: diff.stats.wordsRemoved,
    diff,
  };
}

// Character kinds (numbers rather than an enum: the counting loop below runs once per character).
/** Ends a word: punctuation, spaces, symbols. */
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
/** `.`, `,` or `:`: joins two digits into one number ("4,5", "14:35"). */
const JOINER = 3;
/** Anything this loop does not classify: marks, joiners, emoji, other scripts. */
const UNKNOWN = 4;

function kindOf(c: number): number {
  if (c < 0x80) {
    if (c >= 0x30 && c <= 0x39) return DIGIT;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return LETTER;
    return c === 0x2e || c === 0x2c || c === 0x3a ? JOINER : OTHER;
  }
  if (c < 0xc0) {
    if (c === 0xaa || c === 0xb5 || c === 0xba) return LETTER;
    // Superscript digits and vulgar fractions are numbers too; rare enough to leave to the tokenizer.
    return c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe) ? UNKNOWN : OTHER;
  }
  if (c <= 0x2af) return c === 0xd7 || c === 0xf7 ? OTHER : LETTER;
  if (c >= 0x400 && c <= 0x52f) {
    if (c === 0x482) return OTHER;
    return c >= 0x483 && c <= 0x489 ? UNKNOWN : LETTER;
  }
  // General punctuation and spaces, except the zero-width (non-)joiners, which glue to a word.
  if (c >= 0x2000 && c <= 0x206f) return c === 0x200c || c === 0x200d ? UNKNOWN : OTHER;
  if (c >= 0x20a0 && c <= 0x20cf) return OTHER;
  return c === 0x2116 ? OTHER : UNKNOWN;
}

let KINDS: Uint8Array | null = null;

/** kindOf for the first code points, looked up rather than computed (the loop runs per character). */
function kinds(): Uint8Array {
  if (!KINDS) {
    KINDS = new Uint8Array(0x2130);
    for (let c = 0; c < KINDS.length; c++) KINDS[c] = kindOf(c);
  }
  return KINDS;
}

/**
 * countWords (diff/tokenize.ts) without building the token list: a first revision's word count was a
 * quarter of a page's analysis. For text in Latin and Cyrillic scripts a word is a run of letters and
 * digits, and digits joined by `.`, `,` or `:` stay one number; any other character hands the whole text
 * to countWords. test/watch/summarize-words.test.ts holds the two to the same answers.
 */
export function countWordsQuickly(text: string): number {
  const table = kinds();
  let words = 0;
  let prev = OTHER;
  let prevPrev = OTHER;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = c < table.length ? (table[c] as number) : kindOf(c);
    if (kind === UNKNOWN) return countWords(text);
    // A word starts at a letter or digit after something else, unless digits join across `.,:`.
    if ((kind === LETTER || kind === DIGIT) && prev !== LETTER && prev !== DIGIT) {
      if (!(kind === DIGIT && prev === JOINER && prevPrev === DIGIT)) words++;
    }
    prevPrev = prev;
    prev = kind;
  }
  return words;
}
