import type { Change } from "../diff/index.js";
import type { Revision } from "../model.js";

export type DiffLayout = "inline" | "side-by-side";

/**
 * What the web view needs from the diff engine (src/diff). A seam rather than direct imports so the page
 * code reads as "diff, then render", and a test can count how often the engine runs.
 */
export interface DiffEngine {
  /** The change from `from` to `to` (older first). */
  diff(from: Revision, to: Revision): Change;
  /** The engine's HTML for the change in one layout. Trusted markup: the engine escapes all text in it. */
  renderHtml(change: Change, layout: DiffLayout): string;
  /** The engine's versioned JSON form of the change. */
  renderJson(change: Change): unknown;
}
