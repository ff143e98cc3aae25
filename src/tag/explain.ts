/**
 * A human-readable account of why a text got its tags, for `revfeed tag`: each tag, then each piece
 * of evidence with its rule, position and the matched words in context.
 */

import type { TagResult } from "../model.js";

const CONTEXT = 40;

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ");
}

/** `…left [match] right…` around the span, on one line. */
export function snippet(text: string, start: number, end: number, context = CONTEXT): string {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  const left = (from > 0 ? "…" : "") + oneLine(text.slice(from, start)).trimStart();
  const right = oneLine(text.slice(end, to)).trimEnd() + (to < text.length ? "…" : "");
  return `${left}[${oneLine(text.slice(start, end))}]${right}`;
}

export function explainTags(results: readonly TagResult[], text: string): string {
  if (results.length === 0) return "no tags\n";
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.tag} (${r.evidence.length} ${r.evidence.length === 1 ? "match" : "matches"})`);
    for (const e of r.evidence) {
      lines.push(`  ${e.rule} at ${e.start}-${e.end}: ${snippet(text, e.start, e.end)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
