import type { AnyNode } from "domhandler";
import { removeElement } from "domutils";
import { parseDocument } from "htmlparser2";
import { splitBlocks } from "../blocks.js";
import { BOILERPLATE_SELECTOR, isServiceLine } from "../boilerplate.js";
import { parseTrendDate } from "../dates.js";
import {
  all,
  documentTitle,
  htmlLang,
  logSelectors,
  matches,
  metaContent,
  metaPublishedAt,
  one,
  PAGE_META_ATTRIBUTE_SELECTORS,
  PAGE_META_SELECTORS,
  textOf,
} from "../page-meta.js";
import { checkPlausible } from "../plausibility.js";
import { type ExtractOptions, type ExtractResult, failure } from "../result.js";
import { buildSparseDocument, type SparseOptions } from "../sparse-document.js";

/**
 * Trend article pages (markup in domain notes §1.3): title in `.top-part h1`, body in `div.article-content`
 * (old layout: `div[itemprop=articleBody]`), time in meta tags or `span.date-time`, byline in `.author`.
 */

const BODY_SELECTORS = ["div.article-content", "[itemprop='articleBody']", ".article-text", ".news-text"];
const TITLE_SELECTORS = [".top-part h1", ".article h1", "h1[itemprop='headline']", "h1"];
const OG_TITLE = "meta[property='og:title']";
const DATE_LINE = ".top-part .date-time, .date-time";
const BYLINE_SELECTORS = [".author", "a[href*='/author/']", "[itemprop='author']"];
const LISTING = "ul.news-list > li, .news-list li";

/** Trend's editions by host; www serves English (domain notes §1.1). */
const HOST_LANG: Record<string, string> = {
  "ru.trend.az": "ru",
  "az.trend.az": "az",
  "en.trend.az": "en",
  "www.trend.az": "en",
  "trend.az": "en",
};

function firstText(selectors: string[], root: AnyNode): string {
  for (const selector of selectors) {
    const text = textOf(one(selector, root));
    if (text) return text;
  }
  return "";
}

function byline(root: AnyNode): string | null {
  const text = firstText(BYLINE_SELECTORS, root);
  const clean = text.replace(/^(?:автор|author|müəllif)\s*:\s*/i, "").trim();
  return clean === "" ? null : clean;
}

/**
 * Everything the profile may ask of a page, for the sparse document: on an article page, only the head's
 * meta tags and title and the `.article` block get parsed (about a tenth of the page).
 */
const SPARSE: SparseOptions = {
  selectors: [
    ...BODY_SELECTORS,
    ...TITLE_SELECTORS,
    OG_TITLE,
    DATE_LINE,
    ...BYLINE_SELECTORS,
    ...PAGE_META_SELECTORS,
  ],
  attributeOnly: [OG_TITLE, ...PAGE_META_ATTRIBUTE_SELECTORS],
  // The listing check is left out on purpose: its `li` would make every menu item a region. A page
  // without an article body is parsed in full.
  enough: (element) =>
    matches(BODY_SELECTORS[0] as string, element) || one(BODY_SELECTORS[0] as string, element) !== null,
};

/**
 * The article in a Trend page. Parses only the parts of the page the profile reads when that provably
 * gives the same result (sparse-document.ts), else the whole page (extractTrendFully, the reference).
 */
export function extractTrend(html: string, pageUrl: string, opts: ExtractOptions = {}): ExtractResult {
  return extractTrendSparsely(html, pageUrl, opts) ?? extractTrendFully(html, pageUrl, opts);
}

/** The result from the parts of the page alone, or null when that might differ from the reference. */
export function extractTrendSparsely(
  html: string,
  pageUrl: string,
  opts: ExtractOptions = {},
): ExtractResult | null {
  const sparse = buildSparseDocument(html, SPARSE);
  if (!sparse) return null;
  const evaluated = logSelectors(sparse.root);
  const result = extractFromDocument(sparse.root, pageUrl, opts);
  return sparse.onlyMatchesSeen(evaluated) ? result : null;
}

/** The reference: a full parse of the page. */
export function extractTrendFully(html: string, pageUrl: string, opts: ExtractOptions = {}): ExtractResult {
  return extractFromDocument(parseDocument(html), pageUrl, opts);
}

function extractFromDocument(root: AnyNode, pageUrl: string, opts: ExtractOptions): ExtractResult {
  let container = null;
  for (const selector of BODY_SELECTORS) {
    container = one(selector, root);
    if (container) break;
  }
  if (!container) {
    if (all(LISTING, root).length > 0) {
      return failure("listing", pageUrl, "a news listing, not an article (no div.article-content)");
    }
    return failure("no-body", pageUrl, "no article body (div.article-content or [itemprop=articleBody])");
  }

  const title = firstText(TITLE_SELECTORS, root) || metaContent(root, [OG_TITLE]) || documentTitle(root);
  const dateLine = textOf(one(DATE_LINE, root));
  const publishedAt = metaPublishedAt(root) ?? (dateLine ? parseTrendDate(dateLine) : null);
  const author = byline(root);
  const host = (() => {
    try {
      return new URL(pageUrl).hostname;
    } catch {
      return "";
    }
  })();
  const lang = htmlLang(root) ?? HOST_LANG[host] ?? opts.lang ?? null;

  for (const el of all(BOILERPLATE_SELECTOR, container)) removeElement(el);
  const blocks = splitBlocks(container, pageUrl).filter((b) => !isServiceLine(b.text));

  const refused = checkPlausible(title, blocks, pageUrl, opts.minChars);
  if (refused) return refused;
  return {
    ok: true,
    article: {
      title,
      publishedAt,
      byline: author,
      lang,
      paragraphs: blocks.map(({ text, html: markup }) => ({ text, html: markup })),
    },
  };
}
