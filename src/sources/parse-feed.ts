import Parser from "rss-parser";
import type { FeedItem } from "../model.js";
import { toUtcIso } from "./dates.js";
import { decodeFeedText } from "./feed-text.js";

/**
 * Feed XML -> candidate articles. Only rss-parser's parseString is used (its parseURL garbles windows-1251
 * and ignores timeouts): fetching and charset decoding happen before this, in fetch/.
 */

export type FeedParseProblem = "empty" | "html" | "malformed" | "not-a-feed";

export class FeedParseError extends Error {
  override name = "FeedParseError";
  constructor(
    readonly feedUrl: string,
    readonly problem: FeedParseProblem,
    detail: string,
  ) {
    super(`feed ${feedUrl}: ${detail}`);
  }
}

interface ParsedItem {
  title?: string;
  link?: string;
  guid?: string;
  id?: string;
  pubDate?: string;
  date?: string;
  atomPublished?: string;
  atomUpdated?: string;
  content?: string;
  summary?: string;
  "rdf:about"?: string;
}

/**
 * rss-parser converts Atom `published`/`updated` with `new Date(...).toISOString()`, which throws on a bad
 * date and rejects the whole feed; renaming the two tags before it sees them keeps one bad date local.
 */
const ATOM_DATE_TAGS: Record<string, string> = { published: "atomPublished", updated: "atomUpdated" };

function newParser(): Parser<Record<string, unknown>, ParsedItem> {
  return new Parser<Record<string, unknown>, ParsedItem>({
    customFields: { item: ["atomPublished", "atomUpdated", "id"] },
    xml2js: { tagNameProcessors: [(name: string) => ATOM_DATE_TAGS[name] ?? name] },
  });
}

function precheck(xml: string, feedUrl: string): void {
  const head = xml.replace(/^\uFEFF/, "").trimStart();
  if (head === "") throw new FeedParseError(feedUrl, "empty", "the document is empty");
  const start = head.slice(0, 1024).toLowerCase();
  if (/^(?:<!--[\s\S]*?-->\s*)*<!doctype html|^(?:<\?xml[^>]*>\s*)?<html[\s>]/.test(start)) {
    throw new FeedParseError(feedUrl, "html", "got an HTML page, not an RSS or Atom feed");
  }
}

function absolute(link: string | undefined, feedUrl: string): string | null {
  const text = link?.trim();
  if (!text) return null;
  try {
    const url = new URL(text, feedUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function toFeedItem(item: ParsedItem, feedUrl: string): FeedItem | null {
  const guid = typeof item.guid === "string" ? item.guid.trim() : (item.id?.trim() ?? null);
  // No link: a permalink guid (or Atom id, or RSS 1.0 rdf:about) is the only address the item has.
  const url =
    absolute(item.link, feedUrl) ??
    absolute(item["rdf:about"], feedUrl) ??
    (guid && /^https?:\/\//i.test(guid) ? absolute(guid, feedUrl) : null);
  if (url === null) return null;
  const publishedAt =
    toUtcIso(item.pubDate) ??
    toUtcIso(item.date) ??
    toUtcIso(item.atomPublished) ??
    toUtcIso(item.atomUpdated);
  const title = decodeFeedText(item.title ?? "");
  const summary = decodeFeedText(item.content ?? item.summary ?? "");
  return {
    url,
    title: title === "" ? null : title,
    publishedAt,
    guid: guid === "" ? null : guid,
    summary: summary === "" ? null : summary,
  };
}

/** Items without a usable http(s) address are skipped: there is nothing to follow. */
export async function parseFeed(xml: string, feedUrl: string): Promise<FeedItem[]> {
  precheck(xml, feedUrl);
  let feed: { items: ParsedItem[] };
  try {
    feed = await newParser().parseString(xml.replace(/^\uFEFF/, ""));
  } catch (err) {
    const message = (err as Error).message.replace(/\s+/g, " ").trim();
    if (/not recognized/i.test(message)) {
      const root = /<([A-Za-z_][\w:.-]*)/.exec(
        xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, ""),
      );
      throw new FeedParseError(
        feedUrl,
        "not-a-feed",
        `not an RSS or Atom feed (root element <${root?.[1] ?? "?"}>)`,
      );
    }
    throw new FeedParseError(feedUrl, "malformed", `malformed XML: ${message}`);
  }
  const items: FeedItem[] = [];
  for (const item of feed.items) {
    const parsed = toFeedItem(item, feedUrl);
    if (parsed) items.push(parsed);
  }
  return items;
}
