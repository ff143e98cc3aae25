import { contentRuns } from "./content-runs.js";
import type { FeedDocument, FeedEntry } from "./document.js";
import { assemble } from "./splice.js";

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1): `version`, `language`, `authors`, item `language` and
 * `authors`, `tags` from category labels, `hubs` for WebSub, `external_url` for the source page. Items
 * carry the fields `feed`'s JSON Feed 1 writer gives them (test/publish/json-items.test.ts holds the two
 * equal), written here directly: an item's content, nearly all of its bytes, is escaped and encoded once
 * and put between the rest of the item's bytes, where a round trip through `feed`, JSON.parse and
 * JSON.stringify copied it five times and was half of what a publish allocated. Each item is rendered once
 * (an entry object is immutable) and spliced into the document.
 */

/** Items sit at depth two of the document, which `JSON.stringify(…, null, 2)` indents by four spaces. */
const ITEM_INDENT = "\n    ";

/**
 * Where the content goes in a serialized item: its key at the start of a line, so never inside a string
 * value (JSON.stringify escapes line breaks in strings).
 */
const CONTENT_KEY = `${ITEM_INDENT}  "content_html": ""`;

const rendered = new WeakMap<FeedEntry, { author: string; runs: Buffer[] }>();

/** Each entry's item as byte runs, serialized with the indentation it has inside a document. */
export function jsonItems(entries: FeedEntry[], authorName: string): Buffer[][] {
  return entries.map((entry) => {
    let found = rendered.get(entry);
    if (found?.author !== authorName) {
      found = { author: authorName, runs: itemRuns(entry, authorName) };
      rendered.set(entry, found);
    }
    return found.runs;
  });
}

function itemRuns(entry: FeedEntry, authorName: string): Buffer[] {
  const via = entry.links.find((l) => l.rel === "via");
  const tags = entry.categories.map((c) => c.label).filter((label) => label !== "");
  const item = {
    id: entry.id,
    url: entry.link || undefined,
    ...(via ? { external_url: via.href } : {}),
    title: entry.title || undefined,
    summary: entry.summary,
    content_html: "",
    date_published: new Date(entry.published).toISOString(),
    date_modified: new Date(entry.updated).toISOString(),
    ...(tags.length > 0 ? { tags } : {}),
    ...(entry.lang ? { language: entry.lang } : {}),
    authors: [{ name: authorName }],
  };
  // JSON.stringify escapes line breaks inside strings, so every newline here is indentation.
  const json = JSON.stringify(item, null, 2).replace(/\n/g, ITEM_INDENT);
  const at = json.indexOf(CONTENT_KEY);
  if (at < 0) throw new Error(`publish: JSON item ${entry.id} has no content slot`);
  // The content's runs go between the quotes: JSON-escaped part by part (content-runs.ts).
  const quotes = at + CONTENT_KEY.length - 1;
  return [
    Buffer.from(json.slice(0, quotes), "utf8"),
    ...contentRuns(entry, "json", (text) => Buffer.from(JSON.stringify(text).slice(1, -1), "utf8")),
    Buffer.from(json.slice(quotes), "utf8"),
  ];
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
  return assemble(head, items, `,${ITEM_INDENT}`, "\n  ]\n}\n").bytes;
}
