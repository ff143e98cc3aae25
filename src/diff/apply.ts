/**
 * Applying a diff as a patch: walk the old text, check that every unchanged or removed piece the ops name is
 * really there, and build the new text. The property tests use this to prove that applying the ops to the old
 * text gives the new text exactly; it also lets consumers rebuild a revision from its predecessor.
 * A mismatch throws an error naming the op and the position.
 */
import type { Change, DiffInput, ParagraphOp, WordOp } from "./types.js";
import { oldSide } from "./words.js";

/** Applies word ops to the old text, returning the new text. */
export function applyWordOps(oldText: string, ops: readonly WordOp[]): string {
  let at = 0;
  let out = "";
  for (const [k, o] of ops.entries()) {
    if (o.op === "insert") {
      out += o.text;
      continue;
    }
    if (!oldText.startsWith(o.text, at)) {
      throw new Error(
        `diff: word op ${k} (${o.op} ${JSON.stringify(o.text)}) does not match the old text at ${at}`,
      );
    }
    at += o.text.length;
    if (o.op === "equal") out += o.text;
  }
  if (at !== oldText.length)
    throw new Error(`diff: word ops end at ${at}, the old text at ${oldText.length}`);
  return out;
}

/** Applies paragraph ops to the old paragraphs, returning the new paragraphs. */
export function applyParagraphOps(oldParas: readonly string[], ops: readonly ParagraphOp[]): string[] {
  let at = 0;
  const out: string[] = [];
  const take = (k: number, expected: string): string => {
    const text = oldParas[at];
    if (text !== expected) {
      throw new Error(
        `diff: paragraph op ${k} expects old paragraph ${at + 1} to be ${JSON.stringify(expected)}`,
      );
    }
    at++;
    return text;
  };
  for (const [k, o] of ops.entries()) {
    if (o.op === "equal") out.push(take(k, o.text));
    else if (o.op === "delete" || o.op === "move-from") take(k, o.text);
    else if (o.op === "insert") out.push(o.text);
    else if (o.op === "change") out.push(applyWordOps(take(k, oldSide(o.words)), o.words));
    else {
      const moved = oldParas[o.oldIndex];
      if (moved === undefined)
        throw new Error(`diff: paragraph op ${k} moves missing old paragraph ${o.oldIndex + 1}`);
      out.push(moved);
    }
  }
  if (at !== oldParas.length)
    throw new Error(`diff: paragraph ops consume ${at} of ${oldParas.length} old paragraphs`);
  return out;
}

/** Rebuilds the new revision's title and paragraphs from the old one and the change. */
export function applyChange(old: Pick<DiffInput, "title" | "paragraphs">, change: Change) {
  return {
    title: applyWordOps(old.title, change.title.words),
    paragraphs: applyParagraphOps(old.paragraphs, change.paragraphs),
  };
}
