import { renderDiff } from "../diff/index.js";
import type { Change } from "../diff/types.js";

/**
 * The diffs feeds show, rendered once per revision. A check's analysis already diffs the new text against
 * the latest revision (for its labels and word counts), so it renders the feed's diff there, on the
 * analysis thread, and the check leaves it here for the publisher, which would otherwise diff the two
 * revisions again on the main thread. A check offers its diff only once its revision is committed and only
 * if it directly follows the revision it was diffed against: a stored revision never changes, so neither
 * does its diff. The publish after the checks takes the diffs of the articles its feeds show and drops
 * the rest, so this holds one cycle's diffs, not months of them (watch/publisher.ts).
 */

export function feedDiffKey(articleId: number, seq: number): string {
  return `${articleId}/${seq}`;
}

/** A change as feed entries show it: the edits with two paragraphs of context. */
export function renderFeedDiff(change: Change): string {
  return renderDiff(change, "html", { context: 2 });
}

/** Bounded all the same, should publishes keep failing: a cycle brings a few hundred changes at most. */
const MAX_DIFFS = 5_000;
/** About 4 MB of UTF-16 diff HTML. */
const MAX_CHARS = 2_000_000;

/** Rendered diffs by key, oldest dropped first: a cycle's fresh diffs outlive older ones. */
export class FeedDiffs {
  readonly #html = new Map<string, string>();
  #chars = 0;

  get(key: string): string | undefined {
    return this.#html.get(key);
  }

  set(key: string, html: string): void {
    const known = this.#html.get(key);
    if (known !== undefined) this.#chars -= known.length;
    this.#html.delete(key);
    this.#html.set(key, html);
    this.#chars += html.length;
    for (const [oldest, dropped] of this.#html) {
      if (this.#html.size <= MAX_DIFFS && this.#chars <= MAX_CHARS) break;
      this.#html.delete(oldest);
      this.#chars -= dropped.length;
    }
  }

  clear(): void {
    this.#html.clear();
    this.#chars = 0;
  }

  get size(): number {
    return this.#html.size;
  }
}
