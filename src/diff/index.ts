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
 * The watch stage's per-revision summary (labels, minor, word counts; `new` for a first revision) lives in
 * src/watch/summarize-change.ts and calls diffRevisions.
 */
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
