/**
 * Finding every pattern match of a tagger in a normalised text: the text is walked once, and at
 * each place not preceded by a letter or digit only the patterns filed under the characters found
 * there are tried (see `Scanner` in compile.ts).
 */

import {
  type Alternative,
  type CompiledTagger,
  firstHash as importedFirstHash,
  pairHash as importedPairHash,
  type PatternRole,
  type Scanner,
} from "./compile.js";
import { UnitBuffer } from "./units.js";

// Local bindings: under tsx an imported function is read through a getter at every call, which
// in the scan loop cost as much as the scan itself.
const firstHash = importedFirstHash;
const pairHash = importedPairHash;

/** A pattern match in normalised coordinates. */
export interface Hit {
  start: number;
  end: number;
}

/** Hits by rule (index in `CompiledTagger.rules`) and role, each list in order of start. */
export type HitsByRule = Map<number, Record<PatternRole, Hit[]>>;

function record(byRule: HitsByRule, rule: number, role: PatternRole, start: number, end: number): void {
  let roles = byRule.get(rule);
  if (roles === undefined) {
    roles = { name: [], abbreviation: [], support: [], guard: [] };
    byRule.set(rule, roles);
  }
  const list = roles[role];
  // Hits arrive in order of start, so an equal hit can only be among the last ones.
  for (let k = list.length - 1; k >= 0; k--) {
    const h = list[k] as Hit;
    if (h.start !== start) break;
    if (h.end === end) return;
  }
  list.push({ start, end });
}

const WORD = /[\p{L}\p{N}]/u;
/** 1 where a UTF-16 unit is a letter or digit of the Basic Multilingual Plane; built on first use. */
let wordUnits: Uint8Array | null = null;

function wordTable(): Uint8Array {
  if (wordUnits === null) {
    wordUnits = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (WORD.test(String.fromCharCode(c))) wordUnits[c] = 1;
  }
  return wordUnits;
}

function tryAt(alts: Alternative[] | undefined, text: string, p: number, byRule: HitsByRule): void {
  if (alts === undefined) return;
  for (const alt of alts) {
    alt.sticky.lastIndex = p;
    // test() leaves lastIndex at the end of a sticky match and allocates no match array.
    if (!alt.sticky.test(text)) continue;
    const end = alt.sticky.lastIndex;
    for (const o of alt.owners) record(byRule, o.rule, o.role, p, end);
  }
}

/** Tries at `p` the patterns of `scanner` that can start with the units of `text` found there. */
function tryScanner(scanner: Scanner, text: string, units: Uint16Array, p: number, byRule: HitsByRule): void {
  const n = text.length;
  const c0 = units[p] as number;
  const c1 = p + 1 < n ? (units[p + 1] as number) : -1;
  const pair = c1 >= 0 && scanner.maybe[pairHash(c0, c1)] === 1;
  if (!pair && scanner.maybe[firstHash(c0)] !== 1) return;
  const b = pair ? scanner.byTwo.get(c0 * 65536 + c1) : undefined;
  if (b !== undefined) {
    if (p + 2 < n) tryAt(b.third.get(units[p + 2] as number), text, p, byRule);
    if (b.any.length > 0) tryAt(b.any, text, p, byRule);
  }
  if (scanner.byOne.size > 0) tryAt(scanner.byOne.get(c0), text, p, byRule);
  if (scanner.anywhere.length > 0) tryAt(scanner.anywhere, text, p, byRule);
}

const foldedUnits = new UnitBuffer();
const casedUnits = new UnitBuffer();

/**
 * Walks the text once and tries both scanners at every place not preceded by a letter or digit
 * (folding keeps lengths and letters, so both strings have the same word starts).
 */
export function scan(tagger: CompiledTagger, folded: string, cased: string): HitsByRule {
  const byRule: HitsByRule = new Map();
  const words = wordTable();
  const f = foldedUnits.load(folded);
  const c = tagger.cased === null ? f : casedUnits.load(cased);
  let before = 0;
  for (let p = 0; p < folded.length; p++) {
    const previous = before;
    const code = f[p] as number;
    // A low surrogate continues the letter (or not) of its high surrogate.
    before =
      code >= 0xdc00 && code <= 0xdfff
        ? WORD.test(folded.slice(p - 1, p + 1))
          ? 1
          : 0
        : (words[code] as number);
    if (previous === 1) continue;
    if (tagger.folded !== null) tryScanner(tagger.folded, folded, f, p, byRule);
    if (tagger.cased !== null) tryScanner(tagger.cased, cased, c, p, byRule);
  }
  return byRule;
}
