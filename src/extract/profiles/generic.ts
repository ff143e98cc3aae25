import { createRequire } from "node:module";
import type { Readability as ReadabilityClass } from "@mozilla/readability";
import type { AnyNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import type { parseHTML as ParseHTML } from "linkedom";
import { splitBlocks } from "../blocks.js";
import { isServiceLine } from "../boilerplate.js";
import { all, allText, documentTitle, htmlLang, metaPublishedAt } from "../page-meta.js";
import { checkPlausible, looksLikeListing } from "../plausibility.js";
import { type ExtractOptions, type ExtractResult, failure } from "../result.js";
import { normalizeText } from "../text.js";

/**
 * Any news site without a profile: Mozilla Readability (on linkedom, 4 times faster than jsdom) finds the
 * article, and its cleaned HTML is split into blocks like a profile's container.
 */

/**
 * linkedom and Readability load on the first page this profile reads: together they hold about 14 MB, which
 * a watcher of Trend sources only (and each analysis thread) would otherwise carry for nothing. Both ship
 * CommonJS builds, so loading stays synchronous.
 */
let loaded: { parseHTML: typeof ParseHTML; Readability: typeof ReadabilityClass } | null = null;
function readability() {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  loaded = {
    parseHTML: (require("linkedom") as { parseHTML: typeof ParseHTML }).parseHTML,
    Readability: (require("@mozilla/readability") as { Readability: typeof ReadabilityClass }).Readability,
  };
  return loaded;
}

/** Readability's title keeps or cuts site names by heuristics; a page's own h1 that the <title> contains is surer. */
function pickTitle(root: AnyNode, readabilityTitle: string): string {
  const full = normalizeText(allText("title", root)[0] ?? "");
  const h1s = allText("h1", root);
  const fromH1 = h1s.find((h) => h.length > 3 && full.includes(h));
  if (fromH1) return fromH1;
  if (h1s.length === 1 && h1s[0]) return h1s[0];
  return normalizeText(readabilityTitle) || documentTitle(root);
}

/** A bare date line ("7 октября 2025", "2025-10-07 14:35") is page furniture, not article text. */
const DATE_LINE =
  /^(?:\d{1,2}[./\s]+[\p{L}.]+[./\s]+\d{4}|\d{4}-\d{2}-\d{2})(?:[,\sT]+\d{1,2}:\d{2}(?::\d{2})?)?$/u;

/**
 * Readability keeps what sits inside the article element, which on many CMS themes includes the date line
 * and "previous/next post" links. Such blocks only ever stand at the edges of the body: trim them there.
 */
function trimEdges<T extends { text: string; linkChars: number }>(blocks: T[]): T[] {
  const furniture = (b: T) =>
    DATE_LINE.test(b.text) || (b.text.length < 80 && b.linkChars >= 0.8 * b.text.length);
  let start = 0;
  let end = blocks.length;
  while (start < end && furniture(blocks[start] as T)) start++;
  while (end > start && furniture(blocks[end - 1] as T)) end--;
  return blocks.slice(start, end);
}

export function extractGeneric(html: string, pageUrl: string, opts: ExtractOptions = {}): ExtractResult {
  const raw = parseDocument(html);
  const root = raw;
  const { parseHTML, Readability } = readability();
  const { document } = parseHTML(html);
  const parsed = new Readability(document as never, { keepClasses: false }).parse();
  if (!parsed?.content) {
    const body = all("body", root)[0];
    if (body && looksLikeListing(splitBlocks(body, pageUrl))) {
      return failure("listing", pageUrl, "looks like a listing, not an article");
    }
    return failure("no-body", pageUrl, "Readability found no article text");
  }

  const title = pickTitle(root, parsed.title ?? "");
  const content = parseDocument(parsed.content);
  const container = all("div", content)[0];
  let blocks = container ? splitBlocks(container, pageUrl) : [];
  blocks = blocks.filter((b) => !isServiceLine(b.text));
  // Readability sometimes keeps the headline as the first block.
  if (blocks[0] && blocks[0].text === title) blocks = blocks.slice(1);
  // Judge "listing" on what Readability kept, before the edges are trimmed of link-only blocks.
  if (looksLikeListing(blocks))
    return failure("listing", pageUrl, `looks like a listing (${blocks.length} blocks, mostly links)`);
  blocks = trimEdges(blocks);

  const refused = checkPlausible(title, blocks, pageUrl, opts.minChars);
  if (refused) return refused;
  const byline = normalizeText(parsed.byline ?? "");
  return {
    ok: true,
    article: {
      title,
      publishedAt: metaPublishedAt(root),
      byline: byline === "" ? null : byline,
      lang: htmlLang(root) ?? (parsed.lang?.split(/[-_]/)[0]?.toLowerCase() || null) ?? opts.lang ?? null,
      paragraphs: blocks.map(({ text, html: markup }) => ({ text, html: markup })),
    },
  };
}
