/**
 * The diff engine's public API (pure: no I/O, no store, no clock).
 *
 *   const change = diffRevisions(
 *     { title, paragraphs, developing: true },          // old revision (plain text)
 *     { title: title2, paragraphs: p2, developing: false },
 *     { revertOf: null },                               // or { hash, earlierHashes }
 *   );
 *   change.labels;   // ["headline", "appended", "correction"]
 *   change.stats;    // { wordsAdded, wordsRemoved, paragraphsAdded, …, appendOnly }
 *   renderDiff(change, "color", { color: !noColor, context: 2 });
 *   renderDiff(change, "html", { layout: "side-by-side" });
 *
 * `summarizeChange` has the shape the watch stage wants for a new revision (labels, minor, word counts), and
 * gives `new` for a first revision.
 */
import type { ChangeLabel } from "../model.js";
import { diffRevisions } from "./diff.js";
import { countWords } from "./tokenize.js";
import type { DiffInput } from "./types.js";

export { applyChange, applyParagraphOps, applyWordOps } from "./apply.js";
export { diffRevisions } from "./diff.js";
export { CORRECTION_WORDS, LABEL_ORDER, type LabelInput, type LabelResult, labelChange } from "./labels.js";
export type { RenderOptions } from "./render/common.js";
export { escapeHtml } from "./render/html.js";
export { DIFF_FORMATS, type DiffFormat, renderDiff } from "./render/index.js";
export { type JsonDiff, type JsonParagraph, toJsonDiff } from "./render/json.js";
export { countWords, tokenize } from "./tokenize.js";
export type { Change, ChangeStats, DiffInput, DiffOptions, ParagraphOp, WordOp } from "./types.js";
export { isTypographicEdit, typographicFold } from "./typography.js";
export { diffWords } from "./words.js";

export interface ChangeSummary {
  labels: ChangeLabel[];
  minor: boolean;
  wordsAdded: number;
  wordsRemoved: number;
}

/**
 * Labels and counts for a new revision against the previous one (null for the first revision: `new`, every
 * word counted as added). `revertOf` is the seq of an earlier revision with the same text, found by the caller.
 */
export function summarizeChange(
  before: DiffInput | null,
  after: DiffInput,
  revertOf: number | null = null,
): ChangeSummary {
  if (!before) {
    const words = countWords(after.title) + after.paragraphs.reduce((n, p) => n + countWords(p), 0);
    return { labels: ["new"], minor: false, wordsAdded: words, wordsRemoved: 0 };
  }
  const change = diffRevisions(before, after, { revertOf });
  return {
    labels: change.labels,
    minor: change.minor,
    wordsAdded: change.stats.wordsAdded,
    wordsRemoved: change.stats.wordsRemoved,
  };
}
