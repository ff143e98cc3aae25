import { Feed } from "feed";
import { describe, expect, it } from "vitest";
import type { FeedEntry } from "../../src/publish/document.js";
import { jsonItems } from "../../src/publish/json.js";
import { hostileEntries } from "./hostile-entries.js";

/**
 * JSON Feed items are written directly, with their content spliced in as bytes. The reference is how
 * items were made before: `feed`'s JSON Feed 1 writer for the item fields, upgraded to 1.1 and serialized
 * with the document's indentation. Every item must come out byte for byte the same, whatever its values.
 */

const INDENT = "\n    ";

function byFeed(entry: FeedEntry, authorName: string): string {
  const feed = new Feed({ id: "urn:test", title: "", updated: new Date(0) });
  feed.addItem({
    id: entry.id,
    title: entry.title,
    link: entry.link,
    date: new Date(entry.updated),
    published: new Date(entry.published),
    content: entry.contentHtml,
    category: entry.categories.map((c) => ({ name: c.label, term: c.term })),
  });
  const [item] = (JSON.parse(feed.json1()) as { items: Record<string, unknown>[] }).items;
  if (!item) throw new Error("feed wrote no item");
  const via = entry.links.find((l) => l.rel === "via");
  const tags = item.tags as string[] | undefined;
  const v11 = {
    id: item.id,
    url: item.url,
    ...(via ? { external_url: via.href } : {}),
    title: item.title,
    summary: entry.summary,
    content_html: item.content_html,
    date_published: item.date_published,
    date_modified: item.date_modified,
    ...(tags && tags.length > 0 ? { tags } : {}),
    ...(entry.lang ? { language: entry.lang } : {}),
    authors: [{ name: authorName }],
  };
  return JSON.stringify(v11, null, 2).replace(/\n/g, INDENT);
}

const written = (entry: FeedEntry, authorName: string) =>
  Buffer.concat(jsonItems([entry], authorName)[0] ?? []).toString("utf8");

describe("JSON Feed items", () => {
  const sample = hostileEntries(400);

  it("are what feed's item fields give, byte for byte", () => {
    for (const entry of sample) {
      expect(written(entry, "revfeed"), JSON.stringify(entry)).toBe(byFeed(entry, "revfeed"));
    }
  });

  it("are checked against real variety: quotes, backslashes and controls in content, empty fields", () => {
    for (const char of ['"', "\\", "\u0007"])
      expect(sample.some((e) => e.contentHtml.includes(char))).toBe(true);
    expect(sample.some((e) => e.contentHtml === "")).toBe(true);
    expect(sample.some((e) => e.title === "")).toBe(true);
    expect(sample.some((e) => e.categories.some((c) => c.label === ""))).toBe(true);
    expect(sample.some((e) => e.links.some((l) => l.rel === "via"))).toBe(true);
  });

  it("are rendered again for another author, and parse as JSON holding the entry's content", () => {
    const entry = sample.find((e) => e.contentHtml.includes('"')) as FeedEntry;
    const first = written(entry, "revfeed");
    const other = written(entry, 'a "quoted" author');
    expect(other).not.toBe(first);
    expect(JSON.parse(other)).toMatchObject({
      content_html: entry.contentHtml,
      authors: [{ name: 'a "quoted" author' }],
    });
  });
});
