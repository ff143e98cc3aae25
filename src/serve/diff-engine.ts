import { type DiffInput, diffRevisions, renderDiff, toJsonDiff } from "../diff/index.js";
import type { Revision } from "../model.js";
import type { DiffEngine } from "./diff-port.js";

function diffInput(revision: Revision): DiffInput {
  return {
    title: revision.title,
    paragraphs: revision.paragraphs.map((p) => p.text),
    developing: revision.developing,
  };
}

/** The real diff engine behind the web view's seam. */
export const defaultDiffEngine: DiffEngine = {
  diff: (from, to) => diffRevisions(diffInput(from), diffInput(to), { revertOf: to.revertOf }),
  // The page shows labels and word counts itself, so the engine's summary line is left out.
  renderHtml: (change, layout) => renderDiff(change, "html", { layout, summary: false }),
  renderJson: (change) => toJsonDiff(change),
};
