/**
 * Typographic equivalence: two texts that differ only in quotes, dashes, spaces, letter case or ё/е are the
 * same text for a reader, so such an edit is labelled `typography` (and the revision `minor` when that is all).
 *
 * The fold, applied to both sides before comparing:
 * - Unicode NFC, so precomposed and decomposed letters are equal;
 * - letter case: lower case, plus the Turkish/Azerbaijani dotted and dotless i (İ, I, ı, i all fold to i);
 * - ё/Ё fold to е;
 * - every quote mark (« » „ “ ” ‟ " ' ‘ ’ ‚ ‛ ‹ › ` ´ ′ ″) folds to ";
 * - every dash and minus (- ‐ ‑ ‒ – — ― − ⁃) folds to -, and … to ...;
 * - all white space (including NBSP, thin and zero-width spaces) is removed, so a space added or dropped
 *   around punctuation is typographic too.
 * Anything else — a letter, a digit, other punctuation — makes the edit more than typographic.
 */

const QUOTES = /[«»„“”‟"'‘’‚‛‹›`´′″]/g;
const DASHES = /[-‐‑‒–—―−⁃]/g;
const SPACES = /[\s\u200B\u2060\uFEFF]+/gu;

export function typographicFold(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[İIı]/g, "i")
    .toLowerCase()
    .normalize("NFC")
    .replace(/i\u0307/g, "i")
    .replace(/ё/g, "е")
    .replace(QUOTES, '"')
    .replace(DASHES, "-")
    .replace(/…/g, "...")
    .replace(SPACES, "");
}

/** The two texts differ, but only typographically. */
export function isTypographicEdit(oldText: string, newText: string): boolean {
  return oldText !== newText && typographicFold(oldText) === typographicFold(newText);
}
