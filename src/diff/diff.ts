/**
 * diffRevisions: the two-level diff of two revisions (title apart, paragraphs aligned first, changed
 * paragraphs diffed word by word), with statistics and labels.
 */
import { alignParagraphs } from "./align.js";
import { labelChange } from "./labels.js";
import { countWords } from "./tokenize.js";
import type { Change, ChangeStats, DiffInput, DiffOptions, ParagraphOp, WordOp } from "./types.js";
import { diffWords } from "./words.js";

export function diffRevisions(a: DiffInput, b: DiffInput, opts: DiffOptions = {}): Change {
  const titleWords = diffWords(a.title, b.title);
  const paragraphs = alignParagraphs({
    old: a.paragraphs,
    new: b.paragraphs,
    oldMarker: markerIndices(a, opts.isMarker),
    newMarker: markerIndices(b, opts.isMarker),
  });
  const result = labelChange({
    titleWords,
    paragraphs,
    developing: { old: a.developing, new: b.developing },
    revert: opts,
  });
  return {
    title: { changed: a.title !== b.title, oldText: a.title, newText: b.title, words: titleWords },
    paragraphs,
    stats: { ...countStats(titleWords, paragraphs), appendOnly: result.appendOnly },
    labels: result.labels,
    minor: result.minor,
  };
}

/**
 * Where the developing marker is: nowhere unless the revision is flagged developing; then the paragraphs among
 * the last two that `isMarker` accepts, or by default the last paragraph (Trend's marker is the last block).
 */
function markerIndices(rev: DiffInput, isMarker: DiffOptions["isMarker"]): Set<number> {
  const n = rev.paragraphs.length;
  if (rev.developing !== true || n === 0) return new Set();
  if (!isMarker) return new Set([n - 1]);
  const found = new Set<number>();
  for (let i = Math.max(0, n - 2); i < n; i++) if (isMarker(rev.paragraphs[i] as string)) found.add(i);
  return found;
}

function countStats(
  titleWords: readonly WordOp[],
  ops: readonly ParagraphOp[],
): Omit<ChangeStats, "appendOnly"> {
  const stats = {
    wordsAdded: 0,
    wordsRemoved: 0,
    paragraphsAdded: 0,
    paragraphsRemoved: 0,
    paragraphsChanged: 0,
    paragraphsMoved: 0,
  };
  const countWordOps = (words: readonly WordOp[]) => {
    for (const w of words) {
      if (w.op === "insert") stats.wordsAdded += countWords(w.text);
      else if (w.op === "delete") stats.wordsRemoved += countWords(w.text);
    }
  };
  countWordOps(titleWords);
  for (const o of ops) {
    if (o.op === "insert") {
      stats.paragraphsAdded++;
      stats.wordsAdded += countWords(o.text);
    } else if (o.op === "delete") {
      stats.paragraphsRemoved++;
      stats.wordsRemoved += countWords(o.text);
    } else if (o.op === "change") {
      stats.paragraphsChanged++;
      countWordOps(o.words);
    } else if (o.op === "move-to") stats.paragraphsMoved++;
  }
  return stats;
}
