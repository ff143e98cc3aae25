import { describe, expect, it } from "vitest";
import { atomEntries, atomEntriesWithDom } from "../../src/publish/atom-entry.js";
import type { FeedEntry } from "../../src/publish/document.js";
import { rssItems, rssItemsWithDom } from "../../src/publish/rss-item.js";
import { cdataContent, cutElements, entryBytes } from "../../src/publish/splice.js";
import { hostileEntries } from "./hostile-entries.js";

/**
 * Entries are rendered by filling a per-shape template made by `feed` and the DOM; the bytes must be
 * what the DOM gives for the entry itself, whatever its values hold.
 */

function byDom(render: (e: FeedEntry[], c: boolean[]) => string, element: string, entry: FeedEntry): string {
  const xml = render([entry], [entry.contentHtml !== ""]);
  const [span] = cutElements(xml, element, "test");
  if (!span) throw new Error("not rendered");
  const content = entry.contentHtml === "" ? null : [Buffer.from(cdataContent(entry.contentHtml, "test"))];
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
  const sample = hostileEntries(400);

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
