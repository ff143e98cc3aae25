/**
 * Change labels, computed from the paragraph ops and the title's word ops. The rules, exactly:
 *
 * Every difference is classified once. The developing-marker paragraph (ops with `marker: true`) is left out:
 * it has its own label, `marker-removed`.
 * - Title: any difference gives `headline`; a typographic one also gives `typography`. Title edits never give
 *   `correction`, `inserted` or `removed-text` (a title that gains " (ФОТО)" is a headline change, not a fix).
 * - A body hunk (a run of deleted/inserted words inside a changed paragraph):
 *   - `typography` when the two sides are equal after the typographic fold (typography.ts);
 *   - else `appended` when it only inserts words at the very end of the last paragraph of both revisions;
 *   - else `correction` when it removes at most CORRECTION_WORDS words and adds at most CORRECTION_WORDS
 *     (a number, a name, a typo, a comma);
 *   - else `removed-text` if it removes more than CORRECTION_WORDS words and `inserted` if it adds more than
 *     CORRECTION_WORDS (both for a rewritten sentence; "X" → "X, Y and Z's" is only `inserted`).
 * - An inserted paragraph: `appended` when no old paragraph comes after it, else `inserted`.
 * - A deleted paragraph: `removed-text`.
 * - A moved paragraph: no label (the text is unchanged); it shows in `stats.paragraphsMoved` and prevents
 *   `appendOnly` and `minor`.
 * - `lead`: the first paragraph of the old or the new revision is not an unchanged, unmoved paragraph
 *   (edited, even typographically, deleted, moved, or something inserted before it).
 * - `marker-removed`: the old revision was developing and the new one is not (flags given by the caller).
 * - `revert`: the caller says the new text equals an earlier revision (`revertOf`, or `hash` ∈ `earlierHashes`).
 * `minor` is true when there is at least one difference and every difference is typographic (no paragraph
 * inserted, deleted or moved, marker paragraph included). `appendOnly` is true when every difference outside
 * the marker paragraph is `appended`.
 */
import type { ChangeLabel } from "../model.js";
import { countWords } from "./tokenize.js";
import type { DiffOptions, ParagraphOp, WordOp } from "./types.js";
import { isTypographicEdit } from "./typography.js";
import { hunksOf } from "./words.js";

/** A hunk removing and adding at most this many words is a `correction`. */
export const CORRECTION_WORDS = 3;

/** Labels are always listed in this order. */
export const LABEL_ORDER: readonly ChangeLabel[] = [
  "new",
  "revert",
  "headline",
  "lead",
  "appended",
  "inserted",
  "removed-text",
  "correction",
  "typography",
  "marker-removed",
];

type Kind = ChangeLabel | "moved" | "marker";

export interface LabelInput {
  titleWords: readonly WordOp[];
  paragraphs: readonly ParagraphOp[];
  /** Developing flags of the old and new revision, when known. */
  developing?: { old?: boolean; new?: boolean };
  revert?: Pick<DiffOptions, "revertOf" | "hash" | "earlierHashes">;
}

export interface LabelResult {
  labels: ChangeLabel[];
  minor: boolean;
  appendOnly: boolean;
}

export function labelChange(input: LabelInput): LabelResult {
  const kinds = new Set<Kind>();
  for (const h of hunksOf(input.titleWords)) {
    kinds.add("headline");
    if (isTypographicEdit(h.removed, h.added)) kinds.add("typography");
  }
  classifyBody(input.paragraphs, kinds);
  if (touchesLead(input.paragraphs)) kinds.add("lead");
  const labels = new Set<ChangeLabel>();
  for (const k of kinds) if (k !== "moved" && k !== "marker") labels.add(k);
  if (input.developing?.old === true && input.developing.new === false) labels.add("marker-removed");
  const r = input.revert;
  if (
    r &&
    ((r.revertOf !== undefined && r.revertOf !== null) || (r.hash && r.earlierHashes?.includes(r.hash)))
  ) {
    labels.add("revert");
  }
  const content = [...kinds].filter((k) => k !== "lead");
  return {
    labels: LABEL_ORDER.filter((l) => labels.has(l)),
    minor:
      content.length > 0 &&
      content.every((k) => k === "typography" || k === "headline") &&
      onlyTypography(input),
    appendOnly: kinds.has("appended") && content.every((k) => k === "appended" || k === "marker"),
  };
}

function classifyBody(ops: readonly ParagraphOp[], kinds: Set<Kind>): void {
  const lastOldContent = lastIndexWhere(ops, (o) => !isMarker(o) && consumesOld(o));
  const lastNew = lastIndexWhere(ops, (o) => !isMarker(o) && producesNew(o));
  for (const [pos, o] of ops.entries()) {
    if (o.op === "equal") continue;
    if (isMarker(o)) kinds.add("marker");
    else if (o.op === "move-from" || o.op === "move-to") kinds.add("moved");
    else if (o.op === "delete") kinds.add("removed-text");
    else if (o.op === "insert") kinds.add(pos > lastOldContent ? "appended" : "inserted");
    else classifyHunks(o.words, pos === lastOldContent && pos === lastNew, kinds);
  }
}

function classifyHunks(words: readonly WordOp[], isLastParagraph: boolean, kinds: Set<Kind>): void {
  for (const h of hunksOf(words)) {
    const removed = countWords(h.removed);
    const added = countWords(h.added);
    if (isTypographicEdit(h.removed, h.added)) kinds.add("typography");
    else if (isLastParagraph && h.atEnd && !h.removed && added > 0) kinds.add("appended");
    else if (removed <= CORRECTION_WORDS && added <= CORRECTION_WORDS) kinds.add("correction");
    else {
      if (removed > CORRECTION_WORDS) kinds.add("removed-text");
      if (added > CORRECTION_WORDS) kinds.add("inserted");
    }
  }
}

/** Typographic kinds are not enough for `minor`: every title and body hunk must be typographic. */
function onlyTypography(input: LabelInput): boolean {
  const typographic = (words: readonly WordOp[]) =>
    hunksOf(words).every((h) => isTypographicEdit(h.removed, h.added));
  return (
    typographic(input.titleWords) &&
    input.paragraphs.every((o) => o.op === "equal" || (o.op === "change" && typographic(o.words)))
  );
}

function touchesLead(ops: readonly ParagraphOp[]): boolean {
  const firstOld = ops.find((o) => !isMarker(o) && consumesOld(o));
  const firstNew = ops.find((o) => !isMarker(o) && producesNew(o));
  return (
    (firstOld !== undefined && firstOld.op !== "equal") || (firstNew !== undefined && firstNew.op !== "equal")
  );
}

function isMarker(o: ParagraphOp): boolean {
  return "marker" in o && o.marker === true;
}

function consumesOld(o: ParagraphOp): boolean {
  return o.op === "equal" || o.op === "delete" || o.op === "change" || o.op === "move-from";
}

function producesNew(o: ParagraphOp): boolean {
  return o.op === "equal" || o.op === "insert" || o.op === "change" || o.op === "move-to";
}

function lastIndexWhere<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i] as T)) return i;
  return -1;
}
