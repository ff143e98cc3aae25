import type { AnyNode } from "domhandler";
import { removeElement } from "domutils";
import { parseDocument } from "htmlparser2";
import { splitBlocks } from "../blocks.js";
import { BOILERPLATE_SELECTOR, isServiceLine } from "../boilerplate.js";
import { parseTrendDate } from "../dates.js";
import { all, documentTitle, htmlLang, metaContent, metaPublishedAt, one, textOf } from "../page-meta.js";
import { checkPlausible } from "../plausibility.js";
import { type ExtractOptions, type ExtractResult, failure } from "../result.js";

/**
 * Trend article pages (markup in domain notes §1.3): title in `.top-part h1`, body in `div.article-content`
 * (old layout: `div[itemprop=articleBody]`), time in meta tags or `span.date-time`, byline in `.author`.
 */

const BODY_SELECTORS = ["div.article-content", "[itemprop='articleBody']", ".article-text", ".news-text"];
const TITLE_SELECTORS = [".top-part h1", ".article h1", "h1[itemprop='headline']", "h1"];

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
  const text = firstText([".author", "a[href*='/author/']", "[itemprop='author']"], root);
  const clean = text.replace(/^(?:автор|author|müəllif)\s*:\s*/i, "").trim();
  return clean === "" ? null : clean;
}

export function extractTrend(html: string, pageUrl: string, opts: ExtractOptions = {}): ExtractResult {
  const doc = parseDocument(html);
  const root = doc;
  const container = BODY_SELECTORS.map((s) => one(s, root)).find((el) => el != null);
  if (!container) {
    if (all("ul.news-list > li, .news-list li", root).length > 0) {
      return failure("listing", pageUrl, "a news listing, not an article (no div.article-content)");
    }
    return failure("no-body", pageUrl, "no article body (div.article-content or [itemprop=articleBody])");
  }

  const title =
    firstText(TITLE_SELECTORS, root) ||
    metaContent(root, ["meta[property='og:title']"]) ||
    documentTitle(root);
  const dateLine = textOf(one(".top-part .date-time, .date-time", root));
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
