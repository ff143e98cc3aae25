/**
 * Turns rules into a tagger. Every pattern of every rule is filed in one of two scanners
 * (case-insensitive patterns over the folded text, case-sensitive ones over the cased text) under
 * the letters it can start with; a text is walked once and each pattern is tried only at word
 * starts that begin with its letters, however many rules there are.
 */

import { AFTER, foldPatternSource, prefixes } from "./pattern.js";
import { parseTagRules, type TagRule, type TagRuleInput } from "./rule-schema.js";

export type PatternRole = "name" | "abbreviation" | "support" | "guard";

/** Who listens to a pattern: a rule (by index in `rules`) and what the pattern means to it. */
export interface PatternOwner {
  rule: number;
  role: PatternRole;
}

export interface Alternative {
  /** The pattern, sticky, ending at a word boundary; tried only where a word starts. */
  sticky: RegExp;
  owners: PatternOwner[];
}

/** Patterns filed under their first two characters, then (when known) the third. */
export interface PrefixBucket {
  /** Patterns whose third character cannot be told. */
  any: Alternative[];
  /** By char code of the third character. */
  third: Map<number, Alternative[]>;
}

/**
 * Patterns of one kind (folded or cased), indexed by the characters they can start with. Matches
 * always start where no letter or digit precedes, so a scan visits only those places and tries only
 * the patterns filed under the characters found there. Keys are char codes (`c0 * 65536 + c1`),
 * which is much cheaper than slicing a string at every word start.
 */
export interface Scanner {
  /**
   * A quick filter in front of the maps: 1 at `pairHash` of every two characters a pattern is filed
   * under, and at `firstHash` of every single first character. Most word starts fit no pattern, and
   * one typed-array read turns them away without a Map lookup.
   */
  maybe: Uint8Array;
  byTwo: Map<number, PrefixBucket>;
  byOne: Map<number, Alternative[]>;
  /** Patterns whose first characters cannot be told: tried at every word start. */
  anywhere: Alternative[];
}

export function pairKey(text: string, i: number): number {
  return text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
}

/** Index into `Scanner.maybe` for the two characters `c0`, `c1` (collisions only cost a lookup). */
export function pairHash(c0: number, c1: number): number {
  return ((c0 << 6) ^ c1) & 0xffff;
}

/** Index into `Scanner.maybe` for patterns filed under their first character only. */
export function firstHash(c0: number): number {
  return pairHash(c0, 0xffff);
}

export interface CompiledRule {
  id: string;
  rule: TagRule;
}

export interface CompiledTagger {
  /** In evaluation order: a rule comes after the rules giving the tags it needs. */
  rules: CompiledRule[];
  folded: Scanner | null;
  cased: Scanner | null;
  /** Tags in the order they are first declared, for stable output. */
  tagOrder: string[];
}

function ruleLabel(rule: TagRule, index: number): string {
  return `tag rule ${rule.id ?? rule.tag} (#${index + 1}, tag ${rule.tag})`;
}

function checkPattern(src: string, rule: TagRule, index: number, field: string): void {
  try {
    new RegExp(src, "u");
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`${ruleLabel(rule, index)}: ${field} is not a valid regular expression: ${why}`);
  }
  if (new RegExp(src, "u").test("")) {
    throw new Error(`${ruleLabel(rule, index)}: ${field} matches the empty string: /${src}/`);
  }
}

function file<K>(map: Map<K, Alternative[]>, key: K, alt: Alternative): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [alt]);
  else list.push(alt);
}

function bucket(scanner: Scanner, prefix: string): PrefixBucket {
  const key = pairKey(prefix, 0);
  let b = scanner.byTwo.get(key);
  if (b === undefined) {
    b = { any: [], third: new Map() };
    scanner.byTwo.set(key, b);
  }
  return b;
}

class ScannerBuilder {
  private readonly bySource = new Map<string, PatternOwner[]>();

  add(src: string, owner: PatternOwner): void {
    const owners = this.bySource.get(src);
    if (owners === undefined) this.bySource.set(src, [owner]);
    else if (!owners.some((o) => o.rule === owner.rule && o.role === owner.role)) owners.push(owner);
  }

  build(): Scanner | null {
    if (this.bySource.size === 0) return null;
    const scanner: Scanner = {
      maybe: new Uint8Array(0x10000),
      byTwo: new Map(),
      byOne: new Map(),
      anywhere: [],
    };
    for (const [src, owners] of this.bySource) {
      const alt: Alternative = { sticky: new RegExp(`(?:${src})${AFTER}`, "uy"), owners };
      const three = prefixes(src, 3);
      const two = three === null ? prefixes(src, 2) : null;
      const one = three === null && two === null ? prefixes(src, 1) : null;
      if (three !== null) for (const k of three) file(bucket(scanner, k).third, k.charCodeAt(2), alt);
      else if (two !== null) for (const k of two) bucket(scanner, k).any.push(alt);
      else if (one !== null) for (const k of one) file(scanner.byOne, k.charCodeAt(0), alt);
      else scanner.anywhere.push(alt);
    }
    if (scanner.anywhere.length > 0) scanner.maybe.fill(1);
    for (const key of scanner.byTwo.keys()) scanner.maybe[pairHash(Math.floor(key / 65536), key % 65536)] = 1;
    for (const c0 of scanner.byOne.keys()) scanner.maybe[firstHash(c0)] = 1;
    return scanner;
  }
}

/** Orders rules so that each comes after every rule giving a tag it needs; rejects cycles. */
function evaluationOrder(rules: TagRule[]): number[] {
  const givers = new Map<string, number[]>();
  rules.forEach((r, i) => {
    givers.set(r.tag, [...(givers.get(r.tag) ?? []), i]);
  });
  const state = new Array<0 | 1 | 2>(rules.length).fill(0);
  const order: number[] = [];
  const visit = (i: number, path: string[]): void => {
    if (state[i] === 2) return;
    const rule = rules[i] as TagRule;
    if (state[i] === 1) {
      throw new Error(
        `${ruleLabel(rule, i)}: tags depend on each other in a cycle: ${[...path, rule.tag].join(" -> ")}`,
      );
    }
    state[i] = 1;
    const needs = [...rule.allOf, ...(rule.requires?.tags ?? [])];
    for (const [k, tag] of needs.entries()) {
      const field = k < rule.allOf.length ? `allOf[${k}]` : `requires.tags[${k - rule.allOf.length}]`;
      const deps = givers.get(tag);
      if (deps === undefined)
        throw new Error(`${ruleLabel(rule, i)}: ${field} names tag "${tag}", which no rule gives`);
      for (const d of deps) if (d !== i) visit(d, [...path, rule.tag]);
    }
    state[i] = 2;
    order.push(i);
  };
  rules.forEach((_, i) => {
    visit(i, []);
  });
  return order;
}

/** Validates and compiles rules. Errors name the rule and the field that is wrong. */
export function compileRules(input: readonly (TagRule | TagRuleInput)[]): CompiledTagger {
  const rules = parseTagRules(input);
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    const id = rule.id ?? rule.tag;
    const before = seen.get(id);
    const sameTag = before !== undefined && rules[before]?.tag === rule.tag;
    if (before !== undefined && !(sameTag && rule.id === undefined)) {
      throw new Error(`${ruleLabel(rule, i)}: id "${id}" is already used by rule #${before + 1}`);
    }
    seen.set(id, i);
  });

  const order = evaluationOrder(rules);
  const position = new Map(order.map((ruleIndex, k) => [ruleIndex, k]));
  const folded = new ScannerBuilder();
  const cased = new ScannerBuilder();
  const compiled: CompiledRule[] = order.map((i) => {
    const rule = rules[i] as TagRule;
    const at = position.get(i) ?? 0;
    rule.names.forEach((src, k) => {
      checkPattern(src, rule, i, `names[${k}]`);
      folded.add(foldPatternSource(src), { rule: at, role: "name" });
    });
    rule.abbreviations.forEach((src, k) => {
      checkPattern(src, rule, i, `abbreviations[${k}]`);
      if (rule.caseSensitive) cased.add(src, { rule: at, role: "abbreviation" });
      else folded.add(foldPatternSource(src), { rule: at, role: "abbreviation" });
    });
    (rule.requires?.patterns ?? []).forEach((src, k) => {
      checkPattern(src, rule, i, `requires.patterns[${k}]`);
      folded.add(foldPatternSource(src), { rule: at, role: "support" });
    });
    (rule.guards?.patterns ?? []).forEach((src, k) => {
      checkPattern(src, rule, i, `guards.patterns[${k}]`);
      folded.add(foldPatternSource(src), { rule: at, role: "guard" });
    });
    return { id: rule.id ?? rule.tag, rule };
  });

  const tagOrder: string[] = [];
  for (const r of rules) if (!tagOrder.includes(r.tag)) tagOrder.push(r.tag);
  return { rules: compiled, folded: folded.build(), cased: cased.build(), tagOrder };
}
