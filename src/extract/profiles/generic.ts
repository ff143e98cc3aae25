import { Readability } from "@mozilla/readability";
import type { AnyNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import { parseHTML } from "linkedom";
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

/** Readability's title keeps or cuts site names by heuristics; a page's own h1 that the <title> contains is surer. */
function pickTitle(root: AnyNode, readabilityTitle: string): string {
  const full = normalizeText(allText("title", root)[0] ?? "");
  const h1s = allText("h1", root);
  const fromH1 = h1s.find((h) => h.length > 3 && full.includes(h));
  if (fromH1) return fromH1;
  if (h1s.length === 1 && h1s[0]) return h1s[0];
  return normalizeText(readabilityTitle) || documentTitle(root);
}

export function extractGeneric(html: string, pageUrl: string, opts: ExtractOptions = {}): ExtractResult {
  const raw = parseDocument(html);
  const root = raw;
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
