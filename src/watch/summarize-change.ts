import { diffRevisions } from "../diff/diff.js";
import { countWords } from "../diff/tokenize.js";
import type { ChangeSummary, RevisionText } from "./deps.js";

/** Labels and word counts stored with a revision, from the diff against the revision before it. */
export function summarizeChange(
  before: RevisionText | null,
  after: RevisionText,
  revertOf: number | null,
): ChangeSummary {
  if (!before) {
    const words = [after.title, ...after.paragraphs].reduce((n, p) => n + countWordsQuickly(p), 0);
    return { labels: ["new"], minor: false, wordsAdded: words, wordsRemoved: 0 };
  }
  const change = diffRevisions(before, after, { revertOf });
  return {
    labels: change.labels,
    minor: change.minor,
    wordsAdded: change.stats.wordsAdded,
    wordsRemoved: change.stats.wordsRemoved,
  };
}

enum Kind {
  /** Ends a word: punctuation, spaces, symbols. */
  Other,
  Letter,
  Digit,
  /** `.`, `,` or `:`: joins two digits into one number ("4,5", "14:35"). */
  Joiner,
  /** Anything this loop does not classify: marks, joiners, emoji, other scripts. */
  Unknown,
}

function kindOf(c: number): Kind {
  if (c < 0x80) {
    if (c >= 0x30 && c <= 0x39) return Kind.Digit;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return Kind.Letter;
    return c === 0x2e || c === 0x2c || c === 0x3a ? Kind.Joiner : Kind.Other;
  }
  if (c < 0xc0) {
    if (c === 0xaa || c === 0xb5 || c === 0xba) return Kind.Letter;
    // Superscript digits and vulgar fractions are numbers too; rare enough to leave to the tokenizer.
    return c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe) ? Kind.Unknown : Kind.Other;
  }
  if (c <= 0x2af) return c === 0xd7 || c === 0xf7 ? Kind.Other : Kind.Letter;
  if (c >= 0x400 && c <= 0x52f) {
    if (c === 0x482) return Kind.Other;
    return c >= 0x483 && c <= 0x489 ? Kind.Unknown : Kind.Letter;
  }
  // General punctuation and spaces, except the zero-width (non-)joiners, which glue to a word.
  if (c >= 0x2000 && c <= 0x206f) return c === 0x200c || c === 0x200d ? Kind.Unknown : Kind.Other;
  if (c >= 0x20a0 && c <= 0x20cf) return Kind.Other;
  return c === 0x2116 ? Kind.Other : Kind.Unknown;
}

/**
 * countWords (diff/tokenize.ts) without building the token list: a first revision's word count was a
 * quarter of a page's analysis. For text in Latin and Cyrillic scripts a word is a run of letters and
 * digits, and digits joined by `.`, `,` or `:` stay one number; any other character hands the whole text
 * to countWords. test/watch/summarize-words.test.ts holds the two to the same answers.
 */
export function countWordsQuickly(text: string): number {
  let words = 0;
  let prev = Kind.Other;
  let prevPrev = Kind.Other;
  for (let i = 0; i < text.length; i++) {
    const kind = kindOf(text.charCodeAt(i));
    if (kind === Kind.Unknown) return countWords(text);
    const inWord = kind === Kind.Letter || kind === Kind.Digit;
    const wasInWord = prev === Kind.Letter || prev === Kind.Digit;
    const joined = kind === Kind.Digit && prev === Kind.Joiner && prevPrev === Kind.Digit;
    if (inWord && !wasInWord && !joined) words++;
    prevPrev = prev;
    prev = kind;
  }
  return words;
}
