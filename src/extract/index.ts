import { extractGeneric } from "./profiles/generic.js";
import { extractTrend } from "./profiles/trend.js";
import { type ExtractOptions, type ExtractResult, failure } from "./result.js";

export { shrankSuspiciously } from "./plausibility.js";
export type { ExtractFailure, ExtractOptions, ExtractResult } from "./result.js";
export { sanitizeFragment } from "./sanitize.js";

/**
 * Article page HTML (already decoded to a string) -> title, time, byline, language and paragraphs, or the
 * reason it is not an article. Pure: no network, no store.
 */
export function extractArticle(
  html: string,
  pageUrl: string,
  profile: "trend" | "generic",
  opts: ExtractOptions = {},
): ExtractResult {
  if (html.trim() === "") return failure("empty", pageUrl, "the page is empty");
  return profile === "trend" ? extractTrend(html, pageUrl, opts) : extractGeneric(html, pageUrl, opts);
}
