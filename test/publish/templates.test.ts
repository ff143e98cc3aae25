import { describe, expect, it } from "vitest";
import { atomEntries, atomEntriesWithDom } from "../../src/publish/atom-entry.js";
import type { FeedEntry } from "../../src/publish/document.js";
import { rssItems, rssItemsWithDom } from "../../src/publish/rss-item.js";
import { cdataContent, cutElements, entryBytes } from "../../src/publish/splice.js";
import { picker } from "./factory.js";

/**
 * Entries are rendered by filling a per-shape template made by `feed` and the DOM; the bytes must be
 * what the DOM gives for the entry itself, whatever its values hold.
 */

const HOSTILE = [
  "plain",
  "Новость обновляется",
  `a & b < c > d "e" 'f'`,
  "]]> and ]]> twice",
  "tab\there, line\nbreak, cr\rreturn",
  "&amp; &lt; &#38; &unknown;",
  "\uE001title\uE001 looks like a marker",
  "urn:x-revfeed:id https://link.x-revfeed.invalid/",
  "emoji 🙂 and \u2028 and \u0085",
  "a control character \u0001 XML forbids",
  "",
];
const URLS = [
  "https://revfeed.example.org/articles/7",
  "https://revfeed.example.org/articles/7/diff?from=1&to=2",
  "https://REVFEED.example.org/a b/?q=x&amp;y=<z>#frag ment",
  "http://пример.рф/путь?а=б",
  "https://revfeed.example.org/articles/7#rev-1",
];
const IDS = [
  "tag:revfeed.example.org,2025:article/7/rev/2",
  "tag:revfeed.example.org,2025:article/7?x=1&amp;y=2",
  "tag:revfeed.example.org,2025:a<b>&c",
];
const CONTENT = ["", "<p>text</p>", "<p>one\r\ntwo\rthree\u0085four\u2028five</p>", "<p>]]> end</p>"];

function entries(count: number): FeedEntry[] {
  const pick = picker(20251024);
  return Array.from({ length: count }, () => ({
    id: pick(IDS),
    title: pick(HOSTILE),
    link: pick(URLS),
    links: Array.from({ length: pick([0, 1, 2]) }, (_, i) => ({
      rel: i === 0 ? ("related" as const) : ("via" as const),
      type: pick(["text/html", `a"b`]),
      href: pick(URLS),
      ...(pick([true, false]) ? { title: pick(HOSTILE) } : {}),
    })),
    published: pick(["2025-10-24T06:35:00.000Z", "2025-10-24T06:35:00Z", "1999-12-31T23:59:59.999Z"]),
    updated: pick(["2025-10-24T12:00:00.000Z", "2025-10-24T12:00:00+04:00"]),
    summary: "",
    contentHtml: pick(CONTENT),
    categories: Array.from({ length: pick([0, 1, 2]) }, () => ({
      term: pick(HOSTILE),
      label: pick(HOSTILE),
    })),
    lang: pick([null, "ru", `x"<y`]),
  }));
}

function byDom(render: (e: FeedEntry[], c: boolean[]) => string, element: string, entry: FeedEntry): string {
  const xml = render([entry], [entry.contentHtml !== ""]);
  const [span] = cutElements(xml, element, "test");
  if (!span) throw new Error("not rendered");
  const content = entry.contentHtml === "" ? null : Buffer.from(cdataContent(entry.contentHtml, "test"));
  return Buffer.concat(entryBytes(xml.slice(span.start, span.end), content, "test")).toString("utf8");
}

function outcome(f: () => string): string {
  try {
    return f();
  } catch (err) {
    // Both ways refuse such text; their messages differ.
    return `throws${(err as Error).message.includes("XML") ? " (XML)" : `: ${(err as Error).message}`}`;
  }
}

describe("entry templates", () => {
  const sample = entries(400);

  it("give the bytes the DOM gives, for Atom entries", () => {
    for (const e of sample) {
      const want = outcome(() => byDom(atomEntriesWithDom, "entry", e));
      expect(
        outcome(() => Buffer.concat(atomEntries([e])[0] ?? []).toString("utf8")),
        JSON.stringify(e),
      ).toBe(want);
    }
  });

  it("give the bytes the DOM gives, for RSS items", () => {
    for (const e of sample) {
      const want = outcome(() => byDom(rssItemsWithDom, "item", e));
      expect(
        outcome(() => Buffer.concat(rssItems([e])[0] ?? []).toString("utf8")),
        JSON.stringify(e),
      ).toBe(want);
    }
  });

  it("cover what the publisher renders: every sample entry is filled, none fails", () => {
    // The checker must see real variety, or equality proves little.
    const shapes = new Set(
      sample.map((e) => `${e.links.length}/${e.categories.length}/${e.lang}/${e.contentHtml !== ""}`),
    );
    expect(shapes.size).toBeGreaterThan(20);
    expect(
      sample.filter((e) => outcome(() => byDom(atomEntriesWithDom, "entry", e)).startsWith("throws")).length,
    ).toBeLessThan(sample.length / 2);
  });
});
