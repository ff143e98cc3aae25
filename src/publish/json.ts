import { Feed } from "feed";
import { EMPTY_FEED_UPDATED, type FeedDocument, type FeedEntry } from "./document.js";
import { assemble } from "./splice.js";

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). `feed` writes version 1 with the old singular
 * `author`; its output is upgraded here: `version`, `language`, `authors`, item `language`/`authors`,
 * `tags` from category labels, `hubs` for WebSub, `external_url` for the source page.
 * Each item is rendered and serialized once (an entry object is immutable) and spliced into the document.
 */

interface JsonItem {
  id: string;
  url?: string;
  title?: string;
  content_html?: string;
  date_published?: string;
  date_modified?: string;
  tags?: string[];
  [key: string]: unknown;
}

/** Items sit at depth two of the document, which `JSON.stringify(…, null, 2)` indents by four spaces. */
const ITEM_INDENT = "\n    ";

const rendered = new WeakMap<FeedEntry, { author: string; json: Buffer }>();

/** Each entry's item, serialized with the indentation it has inside a document; new ones rendered together. */
export function jsonItems(entries: FeedEntry[], authorName: string): Buffer[] {
  const missing = [...new Set(entries.filter((e) => rendered.get(e)?.author !== authorName))];
  if (missing.length > 0) renderMissing(missing, authorName);
  return entries.map((e) => rendered.get(e)?.json as Buffer);
}

function renderMissing(entries: FeedEntry[], authorName: string): void {
  const feed = new Feed({ id: "urn:revfeed:items", title: "", updated: new Date(EMPTY_FEED_UPDATED) });
  for (const entry of entries) {
    feed.addItem({
      id: entry.id,
      title: entry.title,
      link: entry.link,
      date: new Date(entry.updated),
      published: new Date(entry.published),
      content: entry.contentHtml,
      category: entry.categories.map((c) => ({ name: c.label, term: c.term })),
    });
  }
  const v1 = JSON.parse(feed.json1()) as { items: JsonItem[] };
  entries.forEach((entry, i) => {
    const item = v1.items[i];
    if (!item || item.id !== entry.id) throw new Error(`publish: JSON item ${entry.id} was not rendered`);
    const via = entry.links.find((l) => l.rel === "via");
    const v11 = {
      id: item.id,
      url: item.url,
      ...(via ? { external_url: via.href } : {}),
      title: item.title,
      summary: entry.summary,
      content_html: item.content_html,
      date_published: item.date_published,
      date_modified: item.date_modified,
      ...(item.tags && item.tags.length > 0 ? { tags: item.tags } : {}),
      ...(entry.lang ? { language: entry.lang } : {}),
      authors: [{ name: authorName }],
    };
    // JSON.stringify escapes line breaks inside strings, so every newline here is indentation.
    const json = Buffer.from(JSON.stringify(v11, null, 2).replace(/\n/g, ITEM_INDENT), "utf8");
    rendered.set(entry, { author: authorName, json });
  });
}

export function renderJson(doc: FeedDocument): Buffer[] {
  const feedUrl = doc.urls.json;
  if (!feedUrl) throw new Error(`publish: feed ${doc.stem} has no JSON URL`);
  const items = jsonItems(doc.entries, doc.authorName);
  const v11 = {
    version: "https://jsonfeed.org/version/1.1",
    title: doc.title,
    home_page_url: doc.homePage,
    feed_url: feedUrl,
    description: doc.description,
    ...(doc.lang ? { language: doc.lang } : {}),
    authors: [{ name: doc.authorName }],
    ...(doc.hub ? { hubs: [{ type: "WebSub", url: doc.hub }] } : {}),
    items: [],
  };
  const empty = `${JSON.stringify(v11, null, 2)}\n`;
  if (items.length === 0) return [Buffer.from(empty, "utf8")];
  const tail = '"items": []\n}\n';
  if (!empty.endsWith(tail)) throw new Error(`publish: JSON feed ${doc.stem} does not end with its items`);
  const head = `${empty.slice(0, -tail.length)}"items": [${ITEM_INDENT}`;
  const runs = items.map((item) => [item]);
  return assemble(head, runs, `,${ITEM_INDENT}`, "\n  ]\n}\n").bytes;
}
