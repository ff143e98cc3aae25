/**
 * Word-level diff of two texts: Unicode tokens (tokenize.ts) compared with jsdiff's `diffArrays` (Myers), then
 * tidied into hunks a reader can follow.
 */
import { diffArrays } from "diff";
import { isWordToken, tokenize } from "./tokenize.js";
import type { WordOp } from "./types.js";

/**
 * Myers' algorithm costs O((N+M)·D) for D edits; past this many token edits a pair is shown as one whole
 * replacement instead, so a huge rewritten paragraph cannot stall a check.
 */
const MAX_EDIT_LENGTH = 1000;

interface Run {
  op: WordOp["op"];
  tokens: string[];
}

/**
 * Diffs two texts word by word. Within a hunk the deletion comes before the insertion. An unchanged run with no
 * word in it (a space, a comma) between two edits is folded into the edit when the result is a replacement, so
 * "Микаил Джаббаров" → "Иван Петров" reads as one replacement rather than two with a lone space between.
 */
export function diffWords(oldText: string, newText: string): WordOp[] {
  if (oldText === newText) return oldText === "" ? [] : [{ op: "equal", text: oldText }];
  if (oldText === "") return [{ op: "insert", text: newText }];
  if (newText === "") return [{ op: "delete", text: oldText }];
  const changes = diffArrays(tokenize(oldText), tokenize(newText), { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes)
    return [
      { op: "delete", text: oldText },
      { op: "insert", text: newText },
    ];
  const runs: Run[] = changes.map((c) => ({
    op: c.added ? "insert" : c.removed ? "delete" : "equal",
    tokens: c.value,
  }));
  return toHunks(runs);
}

function toHunks(runs: Run[]): WordOp[] {
  const out: WordOp[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    if (del) out.push({ op: "delete", text: del });
    if (ins) out.push({ op: "insert", text: ins });
    del = "";
    ins = "";
  };
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as Run;
    const text = run.tokens.join("");
    if (run.op === "delete") del += text;
    else if (run.op === "insert") ins += text;
    else if ((del || ins) && absorbable(run, runs[i + 1], runs[i + 2], del !== "", ins !== "")) {
      del += text;
      ins += text;
    } else {
      flush();
      out.push({ op: "equal", text });
    }
  }
  flush();
  return out;
}

/** An unchanged run between two edits that has no word and leaves the merged hunk a replacement. */
function absorbable(
  run: Run,
  next: Run | undefined,
  afterNext: Run | undefined,
  hasDel: boolean,
  hasIns: boolean,
): boolean {
  if (!next || next.op === "equal" || run.tokens.some(isWordToken)) return false;
  const nextDel = next.op === "delete" || afterNext?.op === "delete";
  const nextIns = next.op === "insert" || afterNext?.op === "insert";
  return (hasDel || nextDel) && (hasIns || nextIns);
}

/** The old text of a word diff: equal and deleted runs. */
export function oldSide(ops: readonly WordOp[]): string {
  let s = "";
  for (const o of ops) if (o.op !== "insert") s += o.text;
  return s;
}

/** The new text of a word diff: equal and inserted runs. */
export function newSide(ops: readonly WordOp[]): string {
  let s = "";
  for (const o of ops) if (o.op !== "delete") s += o.text;
  return s;
}

/** A hunk: a maximal run of non-equal ops, with its removed and added text. */
export interface Hunk {
  removed: string;
  added: string;
  /** The hunk touches the end of the text (nothing unchanged after it). */
  atEnd: boolean;
  /** The hunk touches the start of the text. */
  atStart: boolean;
}

export function hunksOf(ops: readonly WordOp[]): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | null = null;
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i] as WordOp;
    if (o.op === "equal") {
      current = null;
      continue;
    }
    if (!current) {
      current = { removed: "", added: "", atStart: i === 0, atEnd: false };
      hunks.push(current);
    }
    if (o.op === "delete") current.removed += o.text;
    else current.added += o.text;
    current.atEnd = i === ops.length - 1;
  }
  return hunks;
}
