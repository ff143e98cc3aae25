import type { Block } from "./blocks.js";
import { type ExtractResult, failure } from "./result.js";

/**
 * Refuses what is not an article before it can become a revision: an error page, a section listing served
 * at an article URL, or a page whose layout changed so the container is empty. A stored junk revision
 * would show up in every reader as a change, so refusing is the safe side.
 */

const DEFAULT_MIN_CHARS = 30;

/** A listing is mostly short blocks that are nothing but a link. */
export function looksLikeListing(blocks: readonly Block[]): boolean {
  if (blocks.length < 5) return false;
  const linkOnly = blocks.filter((b) => b.linkChars >= 0.8 * b.text.length && b.text.length < 200).length;
  return linkOnly / blocks.length >= 0.6;
}

export function checkPlausible(
  title: string,
  blocks: readonly Block[],
  pageUrl: string,
  minChars = DEFAULT_MIN_CHARS,
): ExtractResult | null {
  if (blocks.length === 0) return failure("empty", pageUrl, "the article body has no text");
  if (looksLikeListing(blocks)) {
    return failure("listing", pageUrl, `looks like a listing (${blocks.length} blocks, mostly links)`);
  }
  if (title === "") return failure("no-title", pageUrl, "the page has no title");
  const chars = blocks.reduce((n, b) => n + b.text.length, 0);
  if (chars < minChars) {
    return failure("too-short", pageUrl, `the body has ${chars} characters, fewer than ${minChars}`);
  }
  return null;
}

/**
 * For the caller, which knows the previous revision: a body that lost most of its text at once is more
 * likely a broken extraction (a layout change, a truncated page) than an edit.
 */
export function shrankSuspiciously(
  previous: readonly string[],
  next: readonly string[],
  ratio = 0.4,
): boolean {
  const length = (ps: readonly string[]) => ps.reduce((n, p) => n + p.length, 0);
  const before = length(previous);
  return before > 0 && length(next) < before * ratio;
}
