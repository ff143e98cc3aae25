import { writeFileSync } from "node:fs";
import path from "node:path";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import type { PublishArticle } from "../../src/publish/input.js";
import { type PublishInput, renderAll } from "../../src/publish/publish-all.js";
import { useTempDir } from "../support/temp-dir.js";
import { feedConfig, hostileArticle, plainArticle, site, storyArticle, storyAt } from "./factory.js";
import { jingErrors } from "./tools.js";

const ATOM = "http://www.w3.org/2005/Atom";
const TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";
const RFC3339_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const RFC822_GMT =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;

const tempDir = useTempDir("revfeed-structure-");

function input(articles: PublishArticle[], overrides: Partial<PublishInput> = {}): PublishInput {
  return {
    site: site({ hub: "https://hub.example.org/" }),
    feeds: [feedConfig(), feedConfig({ name: "ots", title: "OTS", tags: ["ots"], languages: ["ru"] })],
    articles,
    ...overrides,
  };
}

function files(inp: PublishInput): Map<string, string> {
  return new Map(renderAll(inp).map((f) => [f.path, f.content]));
}

function xml(content: string | undefined): Document {
  if (content === undefined) throw new Error("file not rendered");
  return new DOMParser().parseFromString(content, "application/xml");
}

const els = (node: Document | Element, ns: string, name: string) =>
  Array.from(node.getElementsByTagNameNS(ns, name));
const text = (el: Element | undefined) => el?.textContent ?? "";
const atomIds = (doc: Document) => els(doc, ATOM, "entry").map((e) => text(els(e, ATOM, "id")[0]));

function isAbsoluteHttp(url: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(url).protocol) && url.startsWith("http");
  } catch {
    return false;
  }
}

describe("feed documents", () => {
  const everything = () => files(input([storyArticle(), plainArticle(), hostileArticle()]));

  it("ids are unique within every document", () => {
    for (const [name, content] of everything()) {
      let ids: string[];
      if (name.endsWith(".json"))
        ids = (JSON.parse(content) as { items: { id: string }[] }).items.map((i) => i.id);
      else if (name.endsWith(".rss"))
        ids = Array.from(xml(content).getElementsByTagName("guid")).map((g) => text(g));
      else ids = atomIds(xml(content));
      expect(ids.length, name).toBeGreaterThan(0);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });

  it("Atom dates are RFC 3339 UTC, RSS dates RFC 822, JSON dates RFC 3339", () => {
    for (const [name, content] of everything()) {
      if (name.endsWith(".atom")) {
        const doc = xml(content);
        const dates = [...els(doc, ATOM, "updated"), ...els(doc, ATOM, "published")].map((e) => text(e));
        dates.push(...els(doc, TOMBSTONES, "deleted-entry").map((e) => e.getAttribute("when") ?? ""));
        for (const d of dates) expect(d, name).toMatch(RFC3339_UTC);
      } else if (name.endsWith(".rss")) {
        const doc = xml(content);
        const dates = [
          ...Array.from(doc.getElementsByTagName("pubDate")),
          ...Array.from(doc.getElementsByTagName("lastBuildDate")),
        ];
        expect(dates.length).toBeGreaterThan(1);
        for (const d of dates) expect(text(d), name).toMatch(RFC822_GMT);
      } else {
        for (const item of (JSON.parse(content) as { items: Record<string, string>[] }).items) {
          expect(item.date_published).toMatch(RFC3339_UTC);
          expect(item.date_modified).toMatch(RFC3339_UTC);
        }
      }
    }
  });

  it("every link is absolute", () => {
    for (const [name, content] of everything()) {
      const urls: string[] = [];
      if (name.endsWith(".json")) {
        const json = JSON.parse(content) as Record<string, unknown> & { items: Record<string, unknown>[] };
        urls.push(String(json.home_page_url), String(json.feed_url));
        for (const i of json.items) urls.push(String(i.url), String(i.external_url));
      } else {
        const doc = xml(content);
        for (const el of Array.from(doc.getElementsByTagName("*"))) {
          const href = el.getAttribute("href");
          if (href !== null) urls.push(href);
          if (el.localName === "link" && el.namespaceURI === null) urls.push(text(el)); // RSS <link>
        }
      }
      expect(urls.length, name).toBeGreaterThan(2);
      for (const u of urls) expect(isAbsoluteHttp(u), `${name}: ${u}`).toBe(true);
    }
  });

  it("Atom feeds carry self, alternate and hub links, xml:lang, and categories with term and label", () => {
    const doc = xml(everything().get("ots.atom"));
    const root = doc.documentElement as Element;
    const feedLinks = Array.from(root.childNodes).filter(
      (n): n is Element => n.nodeType === 1 && (n as Element).localName === "link",
    );
    const byRel = (rel: string) =>
      feedLinks.filter((l) => l.getAttribute("rel") === rel).map((l) => l.getAttribute("href"));
    expect(byRel("self")).toEqual(["https://revfeed.example.org/feeds/ots.atom"]);
    expect(byRel("hub")).toEqual(["https://hub.example.org/"]);
    expect(byRel("alternate")).toEqual([
      "https://revfeed.example.org/",
      "https://revfeed.example.org/feeds/ots.rss",
      "https://revfeed.example.org/feeds/ots.json",
    ]);
    expect(root.getAttribute("xml:lang")).toBe("ru");
    const entry = els(doc, ATOM, "entry")[1] as Element;
    expect(entry.getAttribute("xml:lang")).toBe("ru");
    const cats = els(entry, ATOM, "category").map((c) => [c.getAttribute("term"), c.getAttribute("label")]);
    expect(cats).toEqual([
      ["ots", "Organization of Turkic States"],
      ['a<b & "c"', 'a<b & "c"'],
    ]);
    const related = els(entry, ATOM, "link").find((l) => l.getAttribute("rel") === "related");
    expect(related?.getAttribute("href")).toBe("https://revfeed.example.org/feeds/articles/9.atom");
    // RSS items link the per-article feed too, with Atom's link element.
    const rssItem = xml(everything().get("ots.revisions.rss")).getElementsByTagName("item")[0] as Element;
    const rssRelated = els(rssItem, ATOM, "link").map((l) => [l.getAttribute("rel"), l.getAttribute("href")]);
    expect(rssRelated).toEqual([["related", "https://revfeed.example.org/feeds/articles/7.atom"]]);
  });

  it("without a hub, no hub link is written", () => {
    const out = files(input([storyArticle()], { site: site() }));
    expect(out.get("all.atom")).not.toContain('rel="hub"');
    expect(out.get("all.rss")).not.toContain('rel="hub"');
    expect(out.get("all.json")).not.toContain("hubs");
  });

  it("JSON Feed documents are version 1.1 with language, authors and hubs", () => {
    const json = JSON.parse(everything().get("ots.revisions.json") ?? "") as Record<string, unknown> & {
      items: Record<string, unknown>[];
    };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.language).toBe("ru");
    expect(json.authors).toEqual([{ name: "revfeed" }]);
    expect(json.author).toBeUndefined();
    expect(json.feed_url).toBe("https://revfeed.example.org/feeds/ots.revisions.json");
    expect(json.hubs).toEqual([{ type: "WebSub", url: "https://hub.example.org/" }]);
    const first = json.items[0] ?? {};
    expect(first.id).toBe("tag:revfeed.example.org,2025:article/7/rev/6");
    expect(first.language).toBe("ru");
    expect(first.tags).toEqual(["Organization of Turkic States"]);
    expect(first.external_url).toBe("https://ru.trend.az/business/4116000.html");
    expect(first.date_published).toBe("2025-10-24T12:00:00.000Z");
  });

  it("a removed article gets an RFC 6721 tombstone in the current-state Atom feed, placed before the entries", () => {
    const doc = xml(everything().get("ots.atom"));
    const [tomb] = els(doc, TOMBSTONES, "deleted-entry");
    expect(tomb?.getAttribute("ref")).toBe("tag:revfeed.example.org,2025:article/7");
    expect(tomb?.getAttribute("when")).toBe("2025-10-24T12:00:00.000Z");
    expect(tomb?.nextSibling && els(doc, ATOM, "entry").length).toBeGreaterThan(0);
    const firstEntryIndex = Array.from(doc.documentElement?.childNodes ?? []).findIndex(
      (n) => (n as Element).localName === "entry",
    );
    const tombIndex = Array.from(doc.documentElement?.childNodes ?? []).indexOf(tomb as Element);
    expect(tombIndex).toBeLessThan(firstEntryIndex);
    // Not removed yet: no tombstone.
    expect(files(input([storyAt(5)])).get("ots.atom")).not.toContain("deleted-entry");
  });
});

describe("revision history across cycles", () => {
  it("the current-state entry keeps its id while `updated` follows the latest revision", () => {
    const seen = [1, 2, 3, 5, 6].map((seq) => {
      const doc = xml(files(input([storyAt(seq)])).get("all.atom"));
      const entry = els(doc, ATOM, "entry")[0] as Element;
      return { id: text(els(entry, ATOM, "id")[0]), updated: text(els(entry, ATOM, "updated")[0]) };
    });
    expect(new Set(seen.map((s) => s.id))).toEqual(new Set(["tag:revfeed.example.org,2025:article/7"]));
    expect(seen.map((s) => s.updated)).toEqual([
      "2025-10-24T06:35:00.000Z",
      "2025-10-24T06:41:00.000Z",
      "2025-10-24T07:05:00.000Z",
      "2025-10-24T08:00:00.000Z",
      "2025-10-24T12:00:00.000Z",
    ]);
  });

  it("revision entries never change id or date once published; newer ones are added on top", () => {
    const before = xml(files(input([storyAt(2)])).get("all.revisions.atom"));
    const after = xml(files(input([storyAt(3)])).get("all.revisions.atom"));
    expect(atomIds(before)).toEqual([
      "tag:revfeed.example.org,2025:article/7/rev/2",
      "tag:revfeed.example.org,2025:article/7/rev/1",
    ]);
    expect(atomIds(after)).toEqual(["tag:revfeed.example.org,2025:article/7/rev/3", ...atomIds(before)]);
    const dates = (doc: Document) => els(doc, ATOM, "entry").map((e) => text(els(e, ATOM, "published")[0]));
    expect(dates(after).slice(1)).toEqual(dates(before));
  });

  it("a revision entry leads with the change, then the text", () => {
    const doc = xml(files(input([storyAt(2)])).get("all.revisions.atom"));
    const html = text(els(doc, ATOM, "content")[0]);
    const change = html.indexOf("[+ Министр экономики");
    const textAt = html.indexOf("<h3>Text</h3>");
    expect(change).toBeGreaterThan(0);
    expect(textAt).toBeGreaterThan(change);
  });

  it("typography-only revisions appear only when includeMinor is set; the per-article feed keeps all", () => {
    const minorId = "tag:revfeed.example.org,2025:article/7/rev/4";
    const without = files(input([storyArticle()]));
    expect(atomIds(xml(without.get("all.revisions.atom")))).not.toContain(minorId);
    const withMinor = files(input([storyArticle()], { feeds: [feedConfig({ includeMinor: true })] }));
    expect(atomIds(xml(withMinor.get("all.revisions.atom")))).toContain(minorId);
    expect(atomIds(xml(without.get("articles/7.atom")))).toHaveLength(6);
  });

  it("feeds are bounded by limit and ordered newest first", () => {
    const out = files(
      input([storyArticle(), plainArticle(), hostileArticle()], { feeds: [feedConfig({ limit: 3 })] }),
    );
    expect(atomIds(xml(out.get("all.revisions.atom")))).toEqual([
      "tag:revfeed.example.org,2025:article/7/rev/6",
      "tag:revfeed.example.org,2025:article/9/rev/2",
      "tag:revfeed.example.org,2025:article/9/rev/1",
    ]);
    expect(atomIds(xml(out.get("all.atom")))).toEqual([
      "tag:revfeed.example.org,2025:article/7",
      "tag:revfeed.example.org,2025:article/9",
      "tag:revfeed.example.org,2025:article/8",
    ]);
  });

  it("rendering is deterministic and dated by its newest entry, even when empty", () => {
    const a = renderAll(input([storyArticle(), hostileArticle()]));
    const b = renderAll(input([storyArticle(), hostileArticle()]));
    expect(b).toEqual(a);
    const doc = xml(a.find((f) => f.path === "all.atom")?.content);
    expect(text(els(doc.documentElement as Element, ATOM, "updated")[0])).toBe("2025-10-24T12:00:00.000Z");
    const empty = files(input([]));
    const dir = tempDir();
    writeFileSync(path.join(dir, "empty.atom"), empty.get("all.atom") ?? "");
    expect(jingErrors([path.join(dir, "empty.atom")])).toBe("");
    expect(JSON.parse(empty.get("all.json") ?? "").items).toEqual([]);
  });
});
