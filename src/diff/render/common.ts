/**
 * What every renderer shares: the options, the `context` cut of unchanged paragraphs, paragraph numbers and the
 * one-line summary.
 */
import type { Change, ParagraphOp } from "../types.js";

export interface RenderOptions {
  /**
   * Unchanged paragraphs to show before and after each change; the rest collapse into one
   * "… N unchanged paragraphs …" line. Undefined shows everything.
   */
  context?: number;
  /** `color` format: ANSI colours on (the caller decides from NO_COLOR, --no-color and isTTY). Default true. */
  color?: boolean;
  /** `html` format: `inline` (default) or `side-by-side` (a two-column table, for the web view). */
  layout?: "inline" | "side-by-side";
  /** `html` side-by-side column headings. Default ["Before", "After"]. */
  headings?: readonly [string, string];
  /** Lead with the labels and word counts. Default true. */
  summary?: boolean;
}

/** A paragraph op to show, with its 1-based number in the new text (the next new paragraph for old-only ops). */
export interface ShownOp {
  kind: "op";
  op: ParagraphOp;
  newNumber: number;
}
export interface Skipped {
  kind: "skip";
  count: number;
}
export type Shown = ShownOp | Skipped;

/** The ops to show under a `context` limit: unchanged paragraphs far from any change become skip entries. */
export function withContext(ops: readonly ParagraphOp[], context?: number): Shown[] {
  const numbered: ShownOp[] = [];
  let next = 1;
  for (const op of ops) {
    numbered.push({ kind: "op", op, newNumber: next });
    if (op.op === "equal" || op.op === "insert" || op.op === "change" || op.op === "move-to") next++;
  }
  if (context === undefined) return numbered;
  const keep = numbered.map((s) => s.op.op !== "equal");
  const changed = keep.slice();
  const n = Math.max(0, Math.floor(context));
  changed.forEach((isChange, i) => {
    if (!isChange) return;
    for (let k = Math.max(0, i - n); k <= Math.min(numbered.length - 1, i + n); k++) keep[k] = true;
  });
  const out: Shown[] = [];
  for (const [i, s] of numbered.entries()) {
    if (keep[i]) out.push(s);
    else {
      const last = out[out.length - 1];
      if (last?.kind === "skip") last.count++;
      else out.push({ kind: "skip", count: 1 });
    }
  }
  return out;
}

/** Splits shown ops into hunks of consecutive ops; skips stay between them. */
export function hunks(shown: readonly Shown[]): Array<ShownOp[] | Skipped> {
  const out: Array<ShownOp[] | Skipped> = [];
  for (const s of shown) {
    if (s.kind === "skip") out.push(s);
    else {
      const last = out[out.length - 1];
      if (Array.isArray(last)) last.push(s);
      else out.push([s]);
    }
  }
  return out;
}

export function skipLine(count: number): string {
  return `… ${count} unchanged paragraph${count === 1 ? "" : "s"} …`;
}

export function movedToNote(op: { oldIndex: number; newIndex: number }): string {
  return `¶${op.oldIndex + 1} moved to ¶${op.newIndex + 1}`;
}

export function movedFromNote(op: { oldIndex: number }): string {
  return `moved from ¶${op.oldIndex + 1}`;
}

/** "labels: headline, appended · words +79 −1 · paragraphs +3 −0 ~1" (moved and minor only when present). */
export function summaryLine(change: Change): string {
  const s = change.stats;
  const labels = change.labels.length > 0 ? change.labels.join(", ") : "none";
  const parts = [
    `labels: ${labels}${change.minor ? " (minor)" : ""}`,
    `words +${s.wordsAdded} −${s.wordsRemoved}`,
    `paragraphs +${s.paragraphsAdded} −${s.paragraphsRemoved} ~${s.paragraphsChanged}` +
      (s.paragraphsMoved > 0 ? ` ↷${s.paragraphsMoved}` : ""),
  ];
  return parts.join(" · ");
}

/**
 * Control characters (C0 except tab and newline, DEL, C1) shown as U+FFFD, so text from a page cannot send
 * escape sequences to a terminal.
 */
export function visible(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "\uFFFD");
}
