import { describe, expect, it } from "vitest";
import { atomEntries } from "../../src/publish/atom-entry.js";
import { currentEntry, revisionEntry } from "../../src/publish/build.js";
import type { FeedEntry } from "../../src/publish/document.js";
import { jsonItems } from "../../src/publish/json.js";
import { rssItems } from "../../src/publish/rss-item.js";
import { site, storyAt } from "./factory.js";

/**
 * Entries that show the same long part (a story's text, its latest diff) share that part's bytes, and
 * splitting content into parts never changes the bytes a format writes for it.
 */

describe("an entry's content runs", () => {
  it("share the text's and the diff's bytes between a story's current state and its latest revision", () => {
    const s = site();
    const story = storyAt(4);
    // Paragraphs and diffs as long as a real story's: long parts are shared, short ones encoded again.
    const long = (html: string) =>
      html.replace("</p>", ` ${"Министры обсудили сотрудничество. ".repeat(20)}</p>`);
    const article = {
      ...story,
      revisions: story.revisions.map((r) => ({
        ...r,
        paragraphsHtml: r.paragraphsHtml.map(long),
        diffHtml: long(r.diffHtml),
      })),
    };
    const latest = article.revisions[0];
    if (!latest) throw new Error("the story has no revision");
    const entries = [currentEntry(s, article), revisionEntry(s, article, latest)];
    for (const [format, [current, revision]] of [
      ["Atom", atomEntries(entries)],
      ["RSS", rssItems(entries)],
      ["JSON", jsonItems(entries, "revfeed")],
    ] as const) {
      const shared = (current ?? []).filter((run) => run.length >= 512 && revision?.includes(run));
      expect(shared.length, format).toBeGreaterThanOrEqual(2);
      const text = Buffer.concat(shared).toString("utf8");
      expect(text, format).toContain(latest.paragraphsHtml[0]?.slice(3, 40));
    }
  });

  it.each([
    ["CR LF", ["<p>a\r", "\nb</p>"], "<p>a\nb</p>", '"<p>a\\r\\nb</p>"'],
    ["]]>", ["<p>x]]", "></p>"], "<p>x]]&gt;</p>", '"<p>x]]></p>"'],
    ["a surrogate pair", ["<p>\uD83D", "\uDE00</p>"], "<p>\u{1F600}</p>", '"<p>\u{1F600}</p>"'],
  ])("are the whole content's bytes when a part boundary splits %s", (_, parts, cdata, json) => {
    const entry: FeedEntry = {
      id: "urn:test:1",
      title: "T",
      link: "https://example.org/1",
      links: [],
      published: "2025-10-24T10:00:00.000Z",
      updated: "2025-10-24T10:00:00.000Z",
      summary: "",
      contentHtml: parts.join(""),
      contentParts: parts,
      categories: [],
      lang: null,
    };
    const atom = Buffer.concat(atomEntries([entry])[0] ?? []).toString("utf8");
    expect(atom).toContain(`<![CDATA[${cdata}]]>`);
    const item = Buffer.concat(jsonItems([entry], "revfeed")[0] ?? []).toString("utf8");
    expect(item).toContain(`"content_html": ${json}`);
  });
});
