/**
 * The shapes the diff engine produces. Everything here is plain data (JSON-serializable), so a Change can be
 * cached, sent to the web view or rendered later.
 *
 * Indices are 0-based positions in the old (`oldIndex`) and new (`newIndex`) paragraph lists; renderers show
 * them 1-based as ¶N.
 */
import type { ChangeLabel } from "../model.js";

/** A revision as the diff sees it: plain-text title and paragraphs (see `Revision` in model.ts). */
export interface DiffInput {
  title: string;
  paragraphs: readonly string[];
  /** The developing-story marker was present (decides `marker-removed`). */
  developing?: boolean;
}

/**
 * One run of word-level tokens. Applying: the old text is every `equal` and `delete` in order, the new text is
 * every `equal` and `insert` in order. In a replacement the `delete` comes before the `insert`.
 */
export interface WordOp {
  op: "equal" | "delete" | "insert";
  text: string;
}

/**
 * One step of the paragraph alignment. Ops are ordered so that both sides can be rebuilt by a single pass:
 * old paragraphs = equal, delete, change (old side), move-from; new paragraphs = equal, insert, change (new side),
 * move-to. A moved paragraph appears twice: `move-from` where it was and `move-to` where it is now; only exact
 * (character-identical) paragraphs are treated as moved, a moved-and-edited paragraph is a delete plus an insert.
 */
export type ParagraphOp =
  | { op: "equal"; oldIndex: number; newIndex: number; text: string; marker?: true }
  | { op: "insert"; newIndex: number; text: string; marker?: true }
  | { op: "delete"; oldIndex: number; text: string; marker?: true }
  | {
      op: "change";
      oldIndex: number;
      newIndex: number;
      oldText: string;
      newText: string;
      words: WordOp[];
      marker?: true;
    }
  | { op: "move-from"; oldIndex: number; newIndex: number; text: string }
  | { op: "move-to"; oldIndex: number; newIndex: number; text: string };

export interface ChangeStats {
  /** Word tokens (letters, digits, marks) in inserted text: title and body, moved paragraphs not counted. */
  wordsAdded: number;
  wordsRemoved: number;
  paragraphsAdded: number;
  paragraphsRemoved: number;
  paragraphsChanged: number;
  paragraphsMoved: number;
  /** The only edit is text appended at the end (the marker paragraph may stay or go; the title is unchanged). */
  appendOnly: boolean;
}

export interface Change {
  title: { changed: boolean; oldText: string; newText: string; words: WordOp[] };
  paragraphs: ParagraphOp[];
  stats: ChangeStats;
  /** In a fixed order (see LABEL_ORDER in labels.ts), no duplicates. */
  labels: ChangeLabel[];
  /** Every difference is typographic (quotes, dashes, spaces, case, ё/е): stored, hidden by default. */
  minor: boolean;
}

export interface DiffOptions {
  /**
   * Tells which paragraph is the developing-story marker. By default, the last paragraph of a revision whose
   * `developing` flag is true is taken as its marker (Trend puts the marker in the last block).
   */
  isMarker?: (paragraph: string) => boolean;
  /** The new revision's text equals an earlier revision (its seq), as found by the caller: adds `revert`. */
  revertOf?: number | null;
  /** Alternative to `revertOf`: the new revision's hash and the hashes of earlier revisions. */
  hash?: string;
  earlierHashes?: readonly string[];
}
