/**
 * How alike two paragraphs are, to decide whether an unmatched old paragraph was edited into an unmatched new
 * one (a `change`, diffed word by word) or replaced (a `delete` and an `insert`).
 *
 * The measure is the Dice coefficient over the multisets of word tokens, folded for case and ё/е:
 * 2·|A∩B| / (|A|+|B|). It ignores word order and punctuation, costs one pass per paragraph, and stays near 1
 * for a corrected name or number and low for a rewritten paragraph. Two paragraphs with no words at all
 * (a dash, an emoji) score SIMILAR, so they pair when they sit in the same place.
 */
import { isWordToken, tokenize } from "./tokenize.js";

/** Paragraphs at least this similar are paired as a `change`. */
export const SIMILAR = 0.5;

export interface WordBag {
  counts: Map<string, number>;
  size: number;
}

export function wordBag(text: string): WordBag {
  const counts = new Map<string, number>();
  let size = 0;
  for (const t of tokenize(text)) {
    if (!isWordToken(t)) continue;
    const key = t.toLowerCase().replace(/ё/g, "е");
    counts.set(key, (counts.get(key) ?? 0) + 1);
    size++;
  }
  return { counts, size };
}

export function similarity(a: WordBag, b: WordBag): number {
  if (a.size === 0 && b.size === 0) return SIMILAR;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let common = 0;
  for (const [word, n] of small.counts) common += Math.min(n, large.counts.get(word) ?? 0);
  return (2 * common) / (a.size + b.size);
}
