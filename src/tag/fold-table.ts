/**
 * Table-driven folding for the common case. One pass over a text's UTF-16 units looks each unit up
 * in two 64 K tables: what it folds to (lower case, with `I`, `İ` and `ı` all as `i`, the way
 * `matchKey` folds) and what kind of unit it is (removable or combining mark, one-to-one
 * substitution, Latin or Cyrillic letter, or a unit the table cannot fold alone). The caller takes
 * the folded string when the flags allow and falls back to the general code otherwise.
 */

import { UnitBuffer } from "./units.js";

/** A soft hyphen, zero-width character, BOM or combining mark: the text needs the offset map. */
export const HAS_IRREGULAR = 1;
/** NBSP, typographic apostrophe or hyphen: the cased text needs one-to-one substitution. */
export const HAS_SUBSTITUTE = 2;
/**
 * A unit that does not fold alone: Σ (final or not depends on its neighbours) and surrogates
 * (letters outside the Basic Multilingual Plane).
 */
export const HAS_CONTEXTUAL = 4;
/** A Latin letter next to a Cyrillic one (or the reverse): look-alikes must be unified first. */
export const HAS_MIXED_SCRIPT = 8;

const LATIN_UNIT = 16;
const CYRILLIC_UNIT = 32;
const SCRIPTS = LATIN_UNIT | CYRILLIC_UNIT;

export interface FoldTables {
  /** Unit -> folded unit. */
  fold: Uint16Array;
  /** Unit -> folded unit of its substitute (NBSP -> space, ’ -> ' …). */
  foldSubstituted: Uint16Array;
  /** Unit -> HAS_IRREGULAR | HAS_SUBSTITUTE | HAS_CONTEXTUAL | LATIN_UNIT | CYRILLIC_UNIT bits. */
  kind: Uint8Array;
}

export interface FoldTableInput {
  /** Units removed or possibly composed by NFC. */
  irregular: RegExp;
  /** One-to-one substitutions. */
  substitutes: Record<string, string>;
  /** Character classes (without brackets) of the Latin and Cyrillic letters that may be look-alikes. */
  latinRange: string;
  cyrillicRange: string;
}

function foldUnit(c: number): number {
  if (c === 0x49 || c === 0x130 || c === 0x131) return 0x69;
  const lower = String.fromCharCode(c).toLowerCase();
  // Only İ lower-cases to two units in the BMP, and it is handled above.
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** Builds the tables (a few milliseconds) from the normaliser's own definitions. */
export function buildFoldTables(input: FoldTableInput): FoldTables {
  const fold = new Uint16Array(0x10000);
  const kind = new Uint8Array(0x10000);
  const latin = new RegExp(`[${input.latinRange}]`);
  const cyrillic = new RegExp(`[${input.cyrillicRange}]`);
  for (let c = 0; c < 0x10000; c++) {
    fold[c] = foldUnit(c);
    const ch = String.fromCharCode(c);
    if (input.irregular.test(ch)) kind[c] = (kind[c] ?? 0) | HAS_IRREGULAR;
    if (latin.test(ch)) kind[c] = (kind[c] ?? 0) | LATIN_UNIT;
    if (cyrillic.test(ch)) kind[c] = (kind[c] ?? 0) | CYRILLIC_UNIT;
  }
  for (let c = 0xd800; c <= 0xdfff; c++) kind[c] = (kind[c] ?? 0) | HAS_CONTEXTUAL;
  kind[0x3a3] = (kind[0x3a3] ?? 0) | HAS_CONTEXTUAL;
  const foldSubstituted = fold.slice();
  for (const [from, to] of Object.entries(input.substitutes)) {
    const c = from.charCodeAt(0);
    kind[c] = (kind[c] ?? 0) | HAS_SUBSTITUTE;
    foldSubstituted[c] = fold[to.charCodeAt(0)] ?? 0;
  }
  return { fold, foldSubstituted, kind };
}

export interface FoldPass {
  /** HAS_IRREGULAR | HAS_SUBSTITUTE | HAS_CONTEXTUAL | HAS_MIXED_SCRIPT bits of what the text holds. */
  flags: number;
  /**
   * The folded text (meaningful only without HAS_CONTEXTUAL). Call before the next pass: every
   * pass writes into the same buffer.
   */
  folded(): string;
}

const units = new UnitBuffer();

/**
 * Folds `text` unit by unit through `table` and reports what it found, in one loop over a copy of
 * its units; the folded units are written back in place.
 */
export function foldPass(text: string, table: Uint16Array, kinds: Uint8Array): FoldPass {
  const n = text.length;
  const u = units.load(text);
  let flags = 0;
  let previousScript = 0;
  for (let i = 0; i < n; i++) {
    const c = u[i] as number;
    const k = kinds[c] as number;
    const script = k & SCRIPTS;
    flags |= k;
    if ((script | previousScript) === SCRIPTS) flags |= HAS_MIXED_SCRIPT;
    previousScript = script;
    u[i] = table[c] as number;
  }
  return {
    flags: flags & (HAS_IRREGULAR | HAS_SUBSTITUTE | HAS_CONTEXTUAL | HAS_MIXED_SCRIPT),
    folded: () => units.text(n),
  };
}
