/**
 * Typographic equivalence: two texts that differ only in quotes, dashes, spaces, letter case or ё/е are the
 * same text for a reader, so such an edit is labelled `typography` (and the revision `minor` when that is all).
 *
 * The fold, applied to both sides before comparing:
 * - Unicode NFC, so precomposed and decomposed letters are equal;
 * - letter case: lower case; the Turkish/Azerbaijani pairs are kept apart, as they are different letters in
 *   lower case: İ folds to i, and a capital I matches either i or ı (English "ISTANBUL" or Turkish "ILIK"),
 *   but a lower-case ı never equals i (Kacır → Kacir is a correction, not typography);
 * - ё/Ё fold to е;
 * - quote marks and apostrophes (« » „ “ ” ‟ " ' ‘ ’ ‚ ‛ ‹ › ` ´ ′ ″) are dropped, so adding, removing or
 *   changing quotes is typographic;
 * - every dash and minus (- ‐ ‑ ‒ – — ― − ⁃) folds to -, and … to ...;
 * - all white space (including NBSP, thin and zero-width spaces) is dropped, so a space added or removed
 *   around punctuation is typographic too.
 * Anything else — a letter, a digit, other punctuation — makes the edit more than typographic.
 */

const QUOTES = /[«»„“”‟"'‘’‚‛‹›`´′″]/g;
const DASHES = /[-‐‑‒–—―−⁃]/g;
const SPACES = /[\s\u200B\u2060\uFEFF]+/gu;
/** Stands for a capital I, which may be the capital of i or of ı. */
const ANY_I = "\uE000";

export function typographicFold(text: string): string {
  return text
    .normalize("NFC")
    .replace(/İ/g, "i")
    .replace(/I/g, ANY_I)
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(QUOTES, "")
    .replace(DASHES, "-")
    .replace(/…/g, "...")
    .replace(SPACES, "");
}

/** The two texts differ, but only typographically. */
export function isTypographicEdit(oldText: string, newText: string): boolean {
  if (oldText === newText) return false;
  const a = typographicFold(oldText);
  const b = typographicFold(newText);
  if (a === b) return true;
  if (a.length !== b.length || (!a.includes(ANY_I) && !b.includes(ANY_I))) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const wild = (c: string | undefined, d: string | undefined) => c === ANY_I && (d === "i" || d === "ı");
    if (!wild(x, y) && !wild(y, x)) return false;
  }
  return true;
}
