/**
 * JSON renderer: the change as data for scripts. The shape is versioned and stable (fields are only ever
 * added; a breaking change bumps `version`):
 *
 * {
 *   "version": 1,
 *   "labels": ["headline", "appended", "correction"],      // ChangeLabel[], in LABEL_ORDER
 *   "minor": false,                                         // typography-only change
 *   "stats": { "wordsAdded": 79, "wordsRemoved": 1, "paragraphsAdded": 3, "paragraphsRemoved": 0,
 *              "paragraphsChanged": 1, "paragraphsMoved": 0, "appendOnly": false },
 *   "title": { "changed": true, "old": "…", "new": "…", "words": [WordOp…] },
 *   "paragraphs": [                                        // in order; numbers are 1-based ¶ numbers
 *     { "op": "equal",     "old": 1, "new": 1, "text": "…" },
 *     { "op": "change",    "old": 2, "new": 2, "words": [{ "op": "equal"|"delete"|"insert", "text": "…" }…] },
 *     { "op": "insert",    "new": 4, "text": "…" },
 *     { "op": "delete",    "old": 5, "text": "…" },
 *     { "op": "move-from", "old": 6, "new": 9, "text": "…" },   // where a moved paragraph was
 *     { "op": "move-to",   "old": 6, "new": 9, "text": "…" },   // where it is now
 *     { "op": "skip", "count": 4 }                               // unchanged paragraphs left out by `context`
 *   ]
 * }
 * Paragraph entries of the developing-marker paragraph carry `"marker": true`. Applying: the old text is the
 * equal, delete, move-from and change (equal + delete words) entries in order; the new text is equal, insert,
 * move-to and change (equal + insert words).
 */
import type { ChangeLabel } from "../../model.js";
import type { Change, ChangeStats, ParagraphOp, WordOp } from "../types.js";
import { type RenderOptions, withContext } from "./common.js";

export type JsonParagraph =
  | { op: "equal"; old: number; new: number; text: string; marker?: true }
  | { op: "insert"; new: number; text: string; marker?: true }
  | { op: "delete"; old: number; text: string; marker?: true }
  | { op: "change"; old: number; new: number; words: WordOp[]; marker?: true }
  | { op: "move-from" | "move-to"; old: number; new: number; text: string }
  | { op: "skip"; count: number };

export interface JsonDiff {
  version: 1;
  labels: ChangeLabel[];
  minor: boolean;
  stats: ChangeStats;
  title: { changed: boolean; old: string; new: string; words: WordOp[] };
  paragraphs: JsonParagraph[];
}

export function toJsonDiff(change: Change, opts: RenderOptions = {}): JsonDiff {
  return {
    version: 1,
    labels: [...change.labels],
    minor: change.minor,
    stats: { ...change.stats },
    title: {
      changed: change.title.changed,
      old: change.title.oldText,
      new: change.title.newText,
      words: change.title.words.map((w) => ({ op: w.op, text: w.text })),
    },
    paragraphs: withContext(change.paragraphs, opts.context).map((s) =>
      s.kind === "skip" ? { op: "skip", count: s.count } : paragraph(s.op),
    ),
  };
}

export function renderJson(change: Change, opts: RenderOptions = {}): string {
  return `${JSON.stringify(toJsonDiff(change, opts), null, 2)}\n`;
}

function paragraph(op: ParagraphOp): JsonParagraph {
  const marker = "marker" in op && op.marker ? { marker: true as const } : {};
  switch (op.op) {
    case "equal":
      return { op: "equal", old: op.oldIndex + 1, new: op.newIndex + 1, text: op.text, ...marker };
    case "insert":
      return { op: "insert", new: op.newIndex + 1, text: op.text, ...marker };
    case "delete":
      return { op: "delete", old: op.oldIndex + 1, text: op.text, ...marker };
    case "change":
      return {
        op: "change",
        old: op.oldIndex + 1,
        new: op.newIndex + 1,
        words: op.words.map((w) => ({ op: w.op, text: w.text })),
        ...marker,
      };
    case "move-from":
    case "move-to":
      return { op: op.op, old: op.oldIndex + 1, new: op.newIndex + 1, text: op.text };
  }
}
