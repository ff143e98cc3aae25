/**
 * Unified plain-text renderer, for email and `less`: no colour, one line per paragraph, a prefix per line.
 *
 *   # labels: headline, appended, correction · words +79 −1 · paragraphs +3 −0 ~1
 *   @@ title @@
 *   -Old title with [-removed-] words
 *   +New title with {+added+} words
 *   @@ ¶1 @@
 *    an unchanged paragraph
 *   -a changed paragraph, old side, with [-removed-] words marked
 *   +a changed paragraph, new side, with {+added+} words marked
 *   +a whole inserted paragraph
 *   -a whole deleted paragraph
 *   ~ ¶2 moved to ¶5                       (at the old place)
 *   ~ moved from ¶2: the moved paragraph     (at the new place)
 *   … 4 unchanged paragraphs …
 *
 * `@@ ¶N @@` opens each hunk of paragraphs; N is the hunk's first paragraph number in the new text. An
 * unchanged title is shown once with a space prefix. Line breaks inside a paragraph repeat the prefix.
 */
import type { Change, ParagraphOp, WordOp } from "../types.js";
import {
  hunks,
  movedFromNote,
  movedToNote,
  type RenderOptions,
  skipLine,
  summaryLine,
  visible,
  withContext,
} from "./common.js";

export function renderText(change: Change, opts: RenderOptions = {}): string {
  const lines: string[] = [];
  if (opts.summary !== false) lines.push(`# ${summaryLine(change)}`);
  lines.push("@@ title @@");
  if (change.title.changed) {
    lines.push(prefixed("-", marked(change.title.words, "delete")));
    lines.push(prefixed("+", marked(change.title.words, "insert")));
  } else lines.push(prefixed(" ", change.title.newText));
  for (const h of hunks(withContext(change.paragraphs, opts.context))) {
    if (!Array.isArray(h)) {
      lines.push(skipLine(h.count));
      continue;
    }
    lines.push(`@@ ¶${h[0]?.newNumber ?? 1} @@`);
    for (const s of h) lines.push(...paragraphLines(s.op));
  }
  return `${lines.join("\n")}\n`;
}

function paragraphLines(op: ParagraphOp): string[] {
  switch (op.op) {
    case "equal":
      return [prefixed(" ", op.text)];
    case "insert":
      return [prefixed("+", op.text)];
    case "delete":
      return [prefixed("-", op.text)];
    case "change":
      return [prefixed("-", marked(op.words, "delete")), prefixed("+", marked(op.words, "insert"))];
    case "move-from":
      return [`~ ${movedToNote(op)}`];
    case "move-to":
      return [prefixed("~", `${movedFromNote(op)}: ${op.text}`, "~ ")];
  }
}

/** One side of a word diff, with that side's edits marked: [-removed-] on the old side, {+added+} on the new. */
function marked(words: readonly WordOp[], side: "delete" | "insert"): string {
  let out = "";
  for (const w of words) {
    if (w.op === "equal") out += w.text;
    else if (w.op === side) out += side === "delete" ? `[-${w.text}-]` : `{+${w.text}+}`;
  }
  return out;
}

function prefixed(prefix: string, text: string, first = prefix): string {
  return first + visible(text).replace(/\r?\n/g, `\n${prefix}`);
}
