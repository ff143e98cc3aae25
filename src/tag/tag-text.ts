/**
 * Tagging a text: normalise, scan (scan.ts), then decide rule by rule
 * (strong names, weak abbreviations with guards and support, derived tags).
 */

import type { TagEvidence, TagResult } from "../model.js";
import type { CompiledRule, CompiledTagger } from "./compile.js";
import { normalizeForTagging } from "./normalize.js";
import { type Hit, type HitsByRule, scan } from "./scan.js";

function distance(a: Hit, b: Hit): number {
  return Math.max(0, b.start - a.end, a.start - b.end);
}

interface Fired {
  tag: string;
  signal: boolean;
  evidence: { rule: string; hit: Hit }[];
}

/**
 * Drops weak matches with a guard match nearby (and, with wholeText, every match equal to one of
 * those in the cased normalised text).
 */
function unguarded(rule: CompiledRule, hits: Hit[], guardHits: Hit[], cased: string): Hit[] {
  const guards = rule.rule.guards;
  if (guards === undefined || guardHits.length === 0) return hits;
  const cancelled = new Set<string>();
  const kept = hits.filter((h) => {
    if (!guardHits.some((g) => distance(h, g) <= guards.within)) return true;
    cancelled.add(cased.slice(h.start, h.end));
    return false;
  });
  return guards.wholeText ? kept.filter((h) => !cancelled.has(cased.slice(h.start, h.end))) : kept;
}

/** The first supporting match near enough to one of the weak matches, or undefined. */
function findSupport(
  rule: CompiledRule,
  weak: Hit[],
  supportHits: Hit[],
  fired: Map<string, Fired>,
): { label: string; hit: Hit } | undefined {
  const requires = rule.rule.requires;
  if (requires === undefined) return undefined;
  const near = (h: Hit) => requires.within === 0 || weak.some((w) => distance(w, h) <= requires.within);
  for (const tag of requires.tags) {
    const hit = fired.get(tag)?.evidence.find((e) => near(e.hit))?.hit;
    if (hit !== undefined) return { label: tag, hit };
  }
  const hit = supportHits.find(near);
  return hit === undefined ? undefined : { label: "pattern", hit };
}

function evaluate(tagger: CompiledTagger, byRule: HitsByRule, cased: string): Map<string, Fired> {
  const fired = new Map<string, Fired>();
  tagger.rules.forEach((rule, index) => {
    const { rule: r, id } = rule;
    if (!r.allOf.every((t) => fired.has(t))) return;
    const hits = byRule.get(index);
    const names = hits?.name ?? [];
    const evidence: { rule: string; hit: Hit }[] = names.map((hit) => ({ rule: id, hit }));
    const weak = unguarded(rule, hits?.abbreviation ?? [], hits?.guard ?? [], cased);
    if (names.length > 0) {
      for (const hit of weak) evidence.push({ rule: id, hit });
    } else if (weak.length > 0) {
      if (r.requires === undefined) {
        for (const hit of weak) evidence.push({ rule: id, hit });
      } else {
        const support = findSupport(rule, weak, hits?.support ?? [], fired);
        if (support === undefined) return;
        for (const hit of weak) evidence.push({ rule: id, hit });
        evidence.push({ rule: `${id} support:${support.label}`, hit: support.hit });
      }
    } else if (r.names.length > 0 || r.abbreviations.length > 0) {
      return;
    } else {
      for (const tag of r.allOf) {
        const first = fired.get(tag)?.evidence[0];
        if (first !== undefined) evidence.push({ rule: `${id} allOf:${tag}`, hit: first.hit });
      }
    }
    const entry = fired.get(r.tag);
    if (entry === undefined) fired.set(r.tag, { tag: r.tag, signal: r.signal, evidence });
    else {
      entry.signal = entry.signal && r.signal;
      entry.evidence.push(...evidence);
    }
  });
  return fired;
}

export interface TagOptions {
  /** BCP 47 language of the text; `tr` and `az` fold `I` to `ı`. Matching works without it. */
  lang?: string;
  /** Also report signal-only tags (member states, summit words …). */
  includeSignals?: boolean;
}

/** Tags `text`. Evidence spans are UTF-16 offsets into `text` exactly as passed. */
export function tagText(tagger: CompiledTagger, text: string, opts: TagOptions = {}): TagResult[] {
  const norm = normalizeForTagging(text, opts.lang);
  const byRule = scan(tagger, norm.folded, norm.cased);
  const fired = evaluate(tagger, byRule, norm.cased);
  const results: TagResult[] = [];
  for (const tag of tagger.tagOrder) {
    const f = fired.get(tag);
    if (f === undefined || (f.signal && opts.includeSignals !== true)) continue;
    const seen = new Set<string>();
    const evidence: TagEvidence[] = [];
    for (const e of f.evidence) {
      const start = norm.toOriginal(e.hit.start);
      const end = norm.toOriginal(e.hit.end);
      const key = `${e.rule}\u0000${start}\u0000${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push({ rule: e.rule, match: text.slice(start, end), start, end });
    }
    evidence.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
    results.push({ tag, evidence });
  }
  return results;
}
