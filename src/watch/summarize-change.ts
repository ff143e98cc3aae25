import { diffRevisions } from "../diff/diff.js";
import { countWords } from "../diff/tokenize.js";
import type { ChangeSummary, RevisionText } from "./deps.js";

/** Labels and word counts stored with a revision, from the diff against the revision before it. */
export function summarizeChange(
  before: RevisionText | null,
  after: RevisionText,
  revertOf: number | null,
): ChangeSummary {
  if (!before) {
    const words = [after.title, ...after.paragraphs].reduce((n, p) => n + countWords(p), 0);
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
