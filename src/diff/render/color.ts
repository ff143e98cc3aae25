/**
 * Terminal renderer: the new text with removed words in red strikethrough and added words in green underline.
 * With `color: false` (NO_COLOR, --no-color, output not a TTY: the caller decides) the same layout uses wdiff
 * markers `[-removed-]{+added+}`, so piped output stays readable.
 *
 * Layout: an optional summary line, the title, then one block per paragraph separated by blank lines, each
 * starting with its number (¶N). Whole inserted or deleted paragraphs are marked as a whole; a moved paragraph
 * shows a note at its old place and its text at the new one.
 */
import type { Change, ParagraphOp, WordOp } from "../types.js";
import {
  movedFromNote,
  movedToNote,
  type RenderOptions,
  skipLine,
  summaryLine,
  visible,
  withContext,
} from "./common.js";

const ESC = "\u001b[";
const RESET = `${ESC}0m`;

interface Style {
  removed(text: string): string;
  added(text: string): string;
  note(text: string): string;
  strong(text: string): string;
}

const ANSI: Style = {
  removed: (t) => `${ESC}31;9m${t}${RESET}`,
  added: (t) => `${ESC}32;4m${t}${RESET}`,
  note: (t) => `${ESC}2m${t}${RESET}`,
  strong: (t) => `${ESC}1m${t}${RESET}`,
};

const PLAIN: Style = {
  removed: (t) => `[-${t}-]`,
  added: (t) => `{+${t}+}`,
  note: (t) => t,
  strong: (t) => t,
};

export function renderColor(change: Change, opts: RenderOptions = {}): string {
  const style = opts.color === false ? PLAIN : ANSI;
  const blocks: string[] = [];
  if (opts.summary !== false) blocks.push(style.note(summaryLine(change)));
  blocks.push(style.strong(inline(change.title.words, style) || visible(change.title.newText)));
  for (const s of withContext(change.paragraphs, opts.context)) {
    if (s.kind === "skip") blocks.push(style.note(skipLine(s.count)));
    else blocks.push(paragraph(s.op, s.newNumber, style));
  }
  return `${blocks.join("\n\n")}\n`;
}

function paragraph(op: ParagraphOp, newNumber: number, style: Style): string {
  const number = style.note(`¶${newNumber}`);
  switch (op.op) {
    case "equal":
      return `${number} ${visible(op.text)}`;
    case "insert":
      return `${number} ${style.added(visible(op.text))}`;
    case "delete":
      return `${style.note(`¶${op.oldIndex + 1} (old)`)} ${style.removed(visible(op.text))}`;
    case "change":
      return `${number} ${inline(op.words, style)}`;
    case "move-from":
      return style.note(`↷ ${movedToNote(op)}`);
    case "move-to":
      return `${number} ${style.note(`↶ ${movedFromNote(op)}:`)} ${visible(op.text)}`;
  }
}

function inline(words: readonly WordOp[], style: Style): string {
  let out = "";
  for (const w of words) {
    const text = visible(w.text);
    out += w.op === "equal" ? text : w.op === "delete" ? style.removed(text) : style.added(text);
  }
  return out;
}
