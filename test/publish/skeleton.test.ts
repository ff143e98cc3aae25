import { describe, expect, it } from "vitest";
import { skeletonWithDom as atomWithDom, renderAtom } from "../../src/publish/atom.js";
import { atomEntries } from "../../src/publish/atom-entry.js";
import type { FeedDocument, FeedEntry } from "../../src/publish/document.js";
import { renderRss, skeletonWithDom as rssWithDom } from "../../src/publish/rss.js";
import { rssItems } from "../../src/publish/rss-item.js";
import { cutElement } from "../../src/publish/splice.js";
import { picker } from "./factory.js";

/**
 * The document around the entries comes from a template per shape; it must be what `feed` and the DOM
 * give for the document itself, whatever its values hold.
 */

const HOSTILE = [
  "plain",
  "Организация тюркских государств",
  `a & b < c > d "e" 'f'`,
  "&amp; &lt; &#38;",
  "tab\there, line\nbreak",
  "\uE001title\uE001 marker look-alike",
  "a control character \u0001",
];
const URLS = [
  "https://revfeed.example.org/",
  "https://revfeed.example.org/feeds/ots.atom?x=1&y=2",
  "https://REVFEED.example.org/a b/?q=&amp;<z>",
];

function entry(): FeedEntry {
  return {
    id: "tag:revfeed.example.org,2025:article/7",
    title: "t",
    link: "https://revfeed.example.org/articles/7",
    links: [],
    published: "2025-10-24T06:35:00.000Z",
    updated: "2025-10-24T06:35:00.000Z",
    summary: "",
    contentHtml: "<p>x</p>",
    categories: [],
    lang: null,
  };
}

function documents(count: number): FeedDocument[] {
  const pick = picker(4116000);
  return Array.from({ length: count }, (_, i) => ({
    stem: `feed-${i}`,
    id: pick(["tag:revfeed.example.org,2025:feed/all", ...HOSTILE]),
    title: pick(HOSTILE),
    description: pick(["", ...HOSTILE]),
    lang: pick([null, "ru", `x"<y`]),
    updated: pick(["2025-10-24T12:00:00.000Z", "1970-01-01T00:00:00.000Z"]),
    urls: {
      atom: pick(URLS),
      ...(pick([true, true, false]) ? { rss: pick(URLS) } : {}),
      ...(pick([true, true, false]) ? { json: pick(URLS) } : {}),
    },
    homePage: pick(URLS),
    hub: pick([null, ...URLS]),
    generator: pick(["revfeed 0.1.0", ...HOSTILE]),
    authorName: pick(["revfeed", ...HOSTILE]),
    entries: pick([true, false]) ? [] : [entry()],
    tombstones: Array.from({ length: pick([0, 1, 2]) }, () => ({
      ref: pick(HOSTILE),
      when: "2025-10-24T12:00:00.000Z",
      comment: pick(HOSTILE),
      link: pick(URLS),
    })),
  }));
}

function outcome(f: () => string): string {
  try {
    return f();
  } catch (err) {
    const message = (err as Error).message;
    return `throws${message.includes("XML") ? " (XML)" : `: ${message}`}`;
  }
}

/** The DOM render of `doc`, its entries put where the stand-in entry was. */
function byDom(
  doc: FeedDocument,
  withDom: (doc: FeedDocument, standIn: boolean) => string,
  element: "entry" | "item",
  separator: string,
  entries: (e: FeedEntry[]) => (readonly Buffer[])[],
): string {
  if (doc.entries.length === 0) return withDom(doc, false);
  const xml = withDom(doc, true);
  const { start, end } = cutElement(xml, element, "test");
  const body = entries(doc.entries)
    .map((runs) => Buffer.concat(runs).toString("utf8"))
    .join(separator);
  return `${xml.slice(0, start)}${body}${xml.slice(end)}`;
}

describe("document templates", () => {
  const sample = documents(300);

  it("give the bytes the DOM gives, for Atom feeds", () => {
    for (const doc of sample) {
      const want = outcome(() => byDom(doc, atomWithDom, "entry", "\n    ", atomEntries));
      expect(
        outcome(() => Buffer.concat(renderAtom(doc)).toString("utf8")),
        JSON.stringify(doc),
      ).toBe(want);
    }
  });

  it("give the bytes the DOM gives, for RSS channels", () => {
    for (const doc of sample.filter((d) => d.urls.rss)) {
      const want = outcome(() => byDom(doc, rssWithDom, "item", "\n        ", rssItems));
      expect(
        outcome(() => Buffer.concat(renderRss(doc)).toString("utf8")),
        JSON.stringify(doc),
      ).toBe(want);
    }
  });

  it("are checked against real variety", () => {
    const valid = sample.filter((d) => !outcome(() => atomWithDom(d, false)).startsWith("throws"));
    expect(valid.length).toBeGreaterThan(sample.length / 3);
    expect(
      new Set(sample.map((d) => `${d.tombstones.length}${d.hub}${d.lang}${d.entries.length}`)).size,
    ).toBeGreaterThan(20);
  });
});
